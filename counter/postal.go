package counter

import (
	"context"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/intake"
	"motcua/data/scan"
)

// This file holds the from-post workflow of dossiers the postal operator
// announced through the province: the postman brings what the officer
// already knows, and nothing is typed twice.

// AnnouncedFor returns the announcement a scan or a typed S10 number
// names when the postal operator announced it and no dossier was made of
// it yet; ok is false for anything else (then the scan names a dossier,
// or nothing).
func (d *Desk) AnnouncedFor(ctx context.Context, text string) (data.Announced, bool, error) {
	ctx, _, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Announced{}, false, err
	}
	res, err := d.Scan(ctx, text)
	if err != nil || res.Kind != scan.KindPostalItem || !res.Valid {
		return data.Announced{}, false, nil
	}
	a, err := d.store.Announcement(ctx, res.Code)
	switch {
	case data.ErrorCode(err) == data.ENotFound:
		return data.Announced{}, false, nil
	case err != nil:
		return data.Announced{}, false, err
	}
	return a, a.DossierCode == "", nil
}

// ReceiveAnnounced puts an announced item on an open from-post manifest:
// it creates the dossier from the announcement (channel postal, received
// by the logged-in officer; the signing of the manifest sets its filing
// time) unless one was made of it already, and adds it with the fee the
// postman collected. It returns the manifest, the new item and the
// dossier.
func (d *Desk) ReceiveAnnounced(ctx context.Context, number, item string) (data.Manifest, data.ManifestItem, data.Dossier, error) {
	var none data.Dossier
	ctx, o, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, none, err
	}
	if err := data.Permit(o, data.ActIntake); err != nil {
		return data.Manifest{}, data.ManifestItem{}, none, err
	}
	s10, err := scan.CheckS10(item)
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, none, err
	}
	m, err := d.store.Manifest(ctx, data.Clean(number))
	if err != nil {
		return data.Manifest{}, data.ManifestItem{}, none, err
	}
	switch {
	case m.Kind != data.ManifestFromPost:
		return m, data.ManifestItem{}, none, data.Errorf(data.EInvalid, "Biên bản %s không phải biên bản nhận hồ sơ từ bưu điện: bưu gửi %s chỉ nhận vào biên bản từ bưu điện.", m.Number, s10)
	case m.Status != data.ManifestOpen:
		return m, data.ManifestItem{}, none, data.Errorf(data.EConflict, "Biên bản %s đã ký, không thêm hồ sơ được nữa.", m.Number)
	}
	a, err := d.store.Announcement(ctx, s10)
	if err != nil {
		return m, data.ManifestItem{}, none, err
	}
	dossier, err := d.store.DossierByPostalItem(ctx, s10)
	if data.ErrorCode(err) == data.ENotFound {
		dossier, err = d.store.Intake(ctx, intake.Request(a.PostalAnnouncement, o.FullName))
	}
	if err != nil {
		return m, data.ManifestItem{}, none, err
	}
	add := data.ManifestAdd{DossierCode: dossier.Code, PostalItem: s10}
	add.Fee, add.FeeKind = announcedFee(a.PostalAnnouncement)
	m, err = d.store.AddItem(ctx, m.Number, add, o.FullName)
	if err != nil {
		return m, data.ManifestItem{}, dossier, err
	}
	it, _ := m.Item(dossier.Code)
	return m, it, dossier, nil
}

// announcedFee is the fee the postman collected, as the announcement
// says (the province checked it: one at most, a whole amount).
func announcedFee(a data.PostalAnnouncement) (int64, data.FeeKind) {
	if len(a.Fees) == 0 {
		return 0, data.FeeUnstated
	}
	n, _ := a.Fees[0].Amount.Int64()
	return n, data.FeeKind(strings.TrimSpace(a.Fees[0].Kind))
}

// AnnouncedItems lists the items the postal operator announced that no
// signed from-post manifest holds yet, with their applicants.
func (d *Desk) AnnouncedItems(ctx context.Context) ([]data.Announced, error) {
	ctx, _, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return nil, err
	}
	return d.store.Announcements(ctx)
}

// PostalReconciliation compares, for the period [from, to), the items
// the postal operator announced with those handed over on signed
// from-post manifests: the counts of each, the items announced and not
// handed over by the period's end, and those handed over never
// announced. The quarterly postal report prints these figures.
func (d *Desk) PostalReconciliation(ctx context.Context, from, to time.Time) (data.PostalCounts, error) {
	ctx, _, err := d.begin(ctx, data.ActManifest)
	if err != nil {
		return data.PostalCounts{}, err
	}
	return d.store.PostalCounts(ctx, from, to)
}
