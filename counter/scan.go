package counter

import (
	"context"
	"crypto/ed25519"

	"motcua/data"
	"motcua/data/scan"
)

// ScanResult is what a scan means for the officer.
type ScanResult struct {
	Kind   string       `json:"kind"`
	Code   string       `json:"code"`
	Valid  bool         `json:"valid"`
	Reason string       `json:"reason"`
	IDCard *scan.IDCard `json:"id_card,omitempty"`
}

// Scan reads whatever a scanner typed and checks receipt signatures
// against every key the store knows.
func (d *Desk) Scan(ctx context.Context, text string) (ScanResult, error) {
	r := scan.Parse(text)
	res := ScanResult{Kind: r.Kind, Code: r.Code, Reason: r.Reason, IDCard: r.IDCard}
	switch r.Kind {
	case scan.KindReceipt, scan.KindManifest:
		if r.Signature == nil {
			return res, nil
		}
		keys, err := d.store.Keys(ctx)
		if err != nil {
			return res, err
		}
		pubs := make([]ed25519.PublicKey, 0, len(keys))
		for _, k := range keys {
			pubs = append(pubs, k.PublicKey)
		}
		if len(pubs) == 0 {
			res.Reason = "Máy này chưa có khoá nào để kiểm tra chữ ký (chưa thiết lập hoặc chưa đồng bộ)."
			return res, nil
		}
		if err := scan.Verify(r, pubs); err != nil {
			res.Reason = data.ErrorMessage(err)
			return res, nil
		}
		res.Valid, res.Reason = true, ""
	case scan.KindIDCard:
		res.Valid = r.IDCard != nil
	case scan.KindPostalItem, scan.KindCode:
		res.Valid = r.Code != ""
	}
	return res, nil
}

// DossierFor finds the dossier a scan or typed text points at: a signed
// receipt (whose signature must verify), a dossier code, or a postal item
// number. A forged receipt or unreadable text is refused with the reason.
func (d *Desk) DossierFor(ctx context.Context, text string) (data.Dossier, error) {
	ctx, _, err := d.begin(ctx, data.ActView)
	if err != nil {
		return data.Dossier{}, err
	}
	return d.dossierFor(ctx, text)
}

func (d *Desk) dossierFor(ctx context.Context, text string) (data.Dossier, error) {
	res, err := d.Scan(ctx, text)
	if err != nil {
		return data.Dossier{}, err
	}
	switch res.Kind {
	case scan.KindReceipt:
		if !res.Valid {
			return data.Dossier{}, data.Errorf(data.EInvalid, "Mã QR giấy tiếp nhận không hợp lệ, không mở hồ sơ: %s", res.Reason)
		}
		return d.store.Dossier(ctx, res.Code)
	case scan.KindCode:
		return d.store.Dossier(ctx, res.Code)
	case scan.KindPostalItem:
		if !res.Valid {
			return data.Dossier{}, data.Errorf(data.EInvalid, "Số hiệu bưu gửi sai: %s", res.Reason)
		}
		return d.store.DossierByPostalItem(ctx, res.Code)
	case scan.KindManifest:
		return data.Dossier{}, data.Errorf(data.EInvalid, "Đây là mã của một biên bản giao nhận, không phải của hồ sơ.")
	case scan.KindIDCard:
		return data.Dossier{}, data.Errorf(data.EInvalid, "Đây là mã QR căn cước, không phải của hồ sơ.")
	}
	return data.Dossier{}, data.Errorf(data.EInvalid, "Không đọc được mã: %s", res.Reason)
}
