-- An enrollment code for a PC that replaces an enrolled workstation
-- (motcua-server enroll --replace). Issuing one cuts off the old token;
-- a plain code is refused for a workstation that is enrolled.
ALTER TABLE enrollment_code ADD COLUMN replace BOOLEAN NOT NULL DEFAULT false;
