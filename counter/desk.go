// Package counter is the counter desk: the one way the window and the
// commands change data. Each workflow is a method that runs in one store
// transaction and returns what it changed (the manifest, the dossier as
// the return desk shows it); the desk also signs QR codes, renders and
// keeps printouts and reads what a scanner types. Reads the screens need
// are the store's own, through the embedded Reader.
package counter

import (
	"context"
	"sync"
	"time"

	"motcua/data"
	"motcua/data/password"
)

// Reader is what the screens and the commands read from the store.
type Reader interface {
	Office(ctx context.Context) (data.Office, error)
	Procedures(ctx context.Context, search string) ([]data.Procedure, error)
	Procedure(ctx context.Context, code string) (data.Procedure, error)
	Overrides(ctx context.Context) ([]data.Override, error)
	Calendar(ctx context.Context) (*data.Calendar, error)
	Dossier(ctx context.Context, code string) (data.Dossier, error)
	History(ctx context.Context, code string) ([]data.Event, error)
	PrintCount(ctx context.Context, code, kind string) (int, error)
	Keys(ctx context.Context) ([]data.WorkstationKey, error)
	Manifest(ctx context.Context, number string) (data.Manifest, error)
	Manifests(ctx context.Context, closedSince time.Time) ([]data.Manifest, error)
	DossierByPostalItem(ctx context.Context, item string) (data.Dossier, error)
	Names(ctx context.Context, role string) ([]string, error)
	Lists(ctx context.Context) (data.Lists, error)
	DossiersOf(ctx context.Context, idNumber string) ([]data.Dossier, error)
	Returned(ctx context.Context, code string) (data.Return, error)
	ManifestsOf(ctx context.Context, code string) ([]string, error)
	QueueLength(ctx context.Context) (int, error)
	NeedsAttention(ctx context.Context) ([]data.Rejection, error)
	SyncSettings(ctx context.Context) (data.SyncSettings, error)
	Rating(ctx context.Context, code string) (data.Rating, error)
	RatingCounts(ctx context.Context, from, to time.Time) (data.RatingCounts, error)
	Printer(ctx context.Context) (string, error)
	FeeReceipts(ctx context.Context, code string) ([]data.FeeReceipt, error)
	FeeReport(ctx context.Context, from, to time.Time) (data.FeeReport, error)
	Stopped(ctx context.Context, code string) (data.Stop, error)
	HandOvers(ctx context.Context, code string) ([]data.HandOver, error)
}

// Store is what the desk needs of the store.
type Store interface {
	data.OfficeService
	data.CatalogService
	data.CalendarService
	data.IntakeService
	data.DossierService
	data.KeyService
	data.ManifestService
	data.ReturnService
	data.SyncStore
	data.PrinterService
	data.RatingService
	data.AccountService
	data.AuditService
	data.FeeService
	data.StopService
	data.HandOverService
	data.SearchService
	data.PostalService
	ReportStore
	data.RegisterService
}

var _ Reader = Store(nil)

// Desk is one workstation's counter.
type Desk struct {
	// Reader is the store, to read: changes go through the desk's methods.
	Reader
	store   Store
	DataDir string
	Now     func() time.Time
	// Passwords are the costs of the password hashes the desk makes;
	// tests make them cheap.
	Passwords password.Params

	mu      sync.Mutex
	officer data.Officer // who is logged in
}

// New returns the desk over a store and a data folder, with nobody
// logged in.
func New(store Store, dataDir string) *Desk {
	return &Desk{Reader: store, store: store, DataDir: dataDir, Now: time.Now, Passwords: password.Default}
}

func (d *Desk) now() time.Time { return d.Now().In(data.Zone) }
