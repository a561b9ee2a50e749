package servertest

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// Postal is a test client of the postal operator's system.
type Postal struct {
	t    testing.TB
	URL  string
	Key  string
	HTTP *http.Client
}

// PostalKey issues a postal key under name and returns a client using it.
func (s *Server) PostalKey(t testing.TB, name string) *Postal {
	t.Helper()
	key, err := s.Store.NewPostalKey(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: 30 * time.Second}
	t.Cleanup(hc.CloseIdleConnections)
	return &Postal{t: t, URL: s.URL, Key: key, HTTP: hc}
}

// PostalAnswer is an answer of the postal API.
type PostalAnswer struct {
	Status int
	Body   string
}

// Decode reads the answer's JSON into v.
func (a PostalAnswer) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(a.Body), v); err != nil {
		t.Fatalf("answer %d: %v\n%s", a.Status, err, a.Body)
	}
}

// Do sends v (raw when it is []byte) with the client's key.
func (p *Postal) Do(method, path string, v any) PostalAnswer {
	p.t.Helper()
	var body io.Reader
	switch v := v.(type) {
	case nil:
	case []byte:
		body = bytes.NewReader(v)
	default:
		raw, _ := json.Marshal(v)
		body = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, p.URL+path, body)
	if p.Key != "" {
		req.Header.Set("Authorization", "Bearer "+p.Key)
	}
	resp, err := p.HTTP.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return PostalAnswer{resp.StatusCode, string(raw)}
}

// Announce posts an announcement.
func (p *Postal) Announce(a data.PostalAnnouncement) PostalAnswer {
	p.t.Helper()
	return p.Do("POST", "/postal/v1/items", a)
}

// Deliver posts a delivery outcome.
func (p *Postal) Deliver(d data.PostalDelivery) PostalAnswer {
	p.t.Helper()
	return p.Do("POST", "/postal/v1/deliveries", d)
}

// Item asks for an item's status.
func (p *Postal) Item(item string) PostalAnswer {
	p.t.Helper()
	return p.Do("GET", "/postal/v1/items/"+item, nil)
}

// S10 is a valid S10 item number of the series "RR", serial n.
func S10(n int) string {
	digits := fmt.Sprintf("%08d", n)
	c, _ := scan.S10CheckDigit(digits)
	return fmt.Sprintf("RR%s%dVN", digits, c)
}

// Announcement is a well-formed collection slip of item for an office,
// of a procedure that accepts postal dossiers; the applicant's ID number
// varies with n.
func Announcement(item, agency, procedure string, n int, collected time.Time) data.PostalAnnouncement {
	return data.PostalAnnouncement{
		Item: item, AgencyCode: agency, ProcedureCode: procedure,
		Applicant: data.ApplicantRecord{Name: fmt.Sprintf("Nguyễn Văn Bưu %d", n), IDNumber: fmt.Sprintf("093090%06d", n),
			Phone: "0912345678", Address: "Ấp 3, xã Vị Thanh, thành phố Cần Thơ"},
		Documents:    []data.DocumentRecord{{Name: "Tờ khai theo mẫu", Originals: 1}, {Name: "Bản sao giấy tờ tùy thân", Copies: 1}},
		ReturnMethod: string(data.ReturnPost), CollectedAt: collected.Format(time.RFC3339), Postman: "Lê Văn Phát",
	}
}
