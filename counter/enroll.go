package counter

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"motcua/data"
	"motcua/platform"
	"motcua/province"
)

// Enroll registers this workstation with the provincial server using a
// one-time code, and remembers the server, the token and the CA (copied
// into the data folder: the workstation trusts that CA only).
func (d *Desk) Enroll(ctx context.Context, server, code, caPath string) (data.EnrollResponse, error) {
	ctx, _, err := d.begin(ctx, data.ActSetup)
	if err != nil {
		return data.EnrollResponse{}, err
	}
	store := d.store
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
			return data.EnrollResponse{}, data.Errorf(data.EInvalid, "Không đọc được tệp chứng chỉ CA %s%s. Hãy kiểm tra đường dẫn tệp (dạng .pem do tỉnh gửi) rồi thử lại.", caPath, data.FileProblem(err))
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
	return data.Errorf(data.EConflict, "%s. Kiểm tra mạng, địa chỉ máy chủ và tệp chứng chỉ CA rồi thử lại.", province.Unreachable(err))
}

// DismissRejection records that an officer has seen to a change the
// province refused, and returns the changes still needing attention.
func (d *Desk) DismissRejection(ctx context.Context, key string) ([]data.Rejection, error) {
	ctx, o, err := d.begin(ctx, data.ActSync)
	if err != nil {
		return nil, err
	}
	if err := d.store.DismissRejection(ctx, key, o.FullName); err != nil {
		return nil, err
	}
	return d.store.NeedsAttention(ctx)
}

// Sync is the workstation's provincial sync: one worker for the life of
// the process, made from the stored settings once the workstation is
// enrolled.
type Sync struct {
	Store data.SyncStore
	Now   func() time.Time

	mu     sync.Mutex
	worker *province.Worker
}

// NewSync returns the sync of a store.
func NewSync(store data.SyncStore) *Sync { return &Sync{Store: store, Now: time.Now} }

// Worker returns the sync worker, made the first time it is asked for
// after enrollment; before, the error says the workstation is not
// enrolled.
func (s *Sync) Worker(ctx context.Context) (*province.Worker, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.worker != nil {
		return s.worker, nil
	}
	settings, err := s.Store.SyncSettings(ctx)
	if err != nil {
		return nil, err
	}
	client, err := province.NewClient(settings)
	if err != nil {
		return nil, err
	}
	client.Now = s.Now
	s.worker = &province.Worker{Store: s.Store, Client: client, Now: s.Now}
	return s.worker, nil
}
