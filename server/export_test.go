package server

// PublicQueries are the public pages' lookups, for tests of their plans.
var PublicQueries = map[string]string{"keys": keysQuery, "dossier": dossierQuery, "events": eventsQuery, "applicant": applicantQuery}
