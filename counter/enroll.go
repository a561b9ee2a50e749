package counter

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"motcua/data"
	"motcua/platform"
	"motcua/province"
)

// SyncStore is what enrollment needs besides the desk's store.
type SyncStore interface {
	Store
	data.SyncStore
}

// Enroll registers this workstation with the provincial server using a
// one-time code, and remembers the server, the token and the CA (copied
// into the data folder: the workstation trusts that CA only).
func (d *Desk) Enroll(ctx context.Context, store SyncStore, server, code, caPath string) (data.EnrollResponse, error) {
	base, err := province.CheckURL(server)
	if err != nil {
		return data.EnrollResponse{}, err
	}
	if code = data.Clean(code); code == "" {
		return data.EnrollResponse{}, data.Errorf(data.EInvalid, "Hãy nhập mã đăng ký do tỉnh cấp.")
	}
	office, err := store.Office(ctx)
	if err != nil {
		return data.EnrollResponse{}, err
	}
	key, err := d.EnsureKey(ctx)
	if err != nil {
		return data.EnrollResponse{}, err
	}
	caFile := ""
	if caPath != "" {
		pem, err := os.ReadFile(caPath)
		if err != nil {
			return data.EnrollResponse{}, data.Errorf(data.EInvalid, "Không đọc được tệp chứng chỉ CA %s: %v", caPath, err)
		}
		caFile = filepath.Join(d.DataDir, "keys", "province-ca.pem")
		if err := platform.PrivateDir(filepath.Dir(caFile)); err != nil {
			return data.EnrollResponse{}, fmt.Errorf("counter: enroll: %w", err)
		}
		if err := os.WriteFile(caFile, pem, 0o600); err != nil {
			return data.EnrollResponse{}, fmt.Errorf("counter: enroll: %w", err)
		}
	}
	hc, err := province.HTTPClient(caFile)
	if err != nil {
		return data.EnrollResponse{}, err
	}
	client := &province.Client{BaseURL: base, HTTP: hc, Now: d.Now}
	resp, err := client.Enroll(ctx, data.EnrollRequest{Code: code, AgencyCode: office.AgencyCode,
		Workstation: office.Workstation, PublicKey: key.Public().(ed25519.PublicKey), OfficeName: office.Name, Place: office.Place})
	if err != nil {
		return resp, SyncError(err)
	}
	if err := store.SaveSyncSettings(ctx, data.SyncSettings{ServerURL: base, Token: resp.Token, CAFile: caFile}); err != nil {
		return resp, err
	}
	// A replaced PC continues above what the province holds of it, even
	// before its first pull.
	return resp, store.RaiseNumbers(ctx, resp.Highest)
}

// SyncError turns a failure to reach the server into the officer's words.
func SyncError(err error) error {
	if data.ErrorCode(err) != data.EInternal {
		return err
	}
	var (
		e  *province.Error
		se *province.StoreError
	)
	switch {
	case errors.As(err, &e):
		return data.Errorf(data.EConflict, "%s", e.Error())
	case errors.As(err, &se):
		return data.Errorf(data.EInternal, "%s", se.Error())
	}
	return data.Errorf(data.EConflict, "Không kết nối được máy chủ tỉnh: %v", err)
}
