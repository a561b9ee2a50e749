package mock

import (
	"context"
	"time"

	"motcua/data"
)

// PostalFns are the function fields of the postal operator's
// announcements.
type PostalFns struct {
	AnnouncementsFn func(ctx context.Context) ([]data.Announced, error)
	AnnouncementFn  func(ctx context.Context, item string) (data.Announced, error)
	PostalCountsFn  func(ctx context.Context, from, to time.Time) (data.PostalCounts, error)
}

// Announcements calls AnnouncementsFn, or Next when it is nil.
func (s *Store) Announcements(ctx context.Context) ([]data.Announced, error) {
	if s.AnnouncementsFn != nil {
		return s.AnnouncementsFn(ctx)
	}
	return s.Next.Announcements(ctx)
}

// Announcement calls AnnouncementFn, or Next when it is nil.
func (s *Store) Announcement(ctx context.Context, item string) (data.Announced, error) {
	if s.AnnouncementFn != nil {
		return s.AnnouncementFn(ctx, item)
	}
	return s.Next.Announcement(ctx, item)
}

// PostalCounts calls PostalCountsFn, or Next when it is nil.
func (s *Store) PostalCounts(ctx context.Context, from, to time.Time) (data.PostalCounts, error) {
	if s.PostalCountsFn != nil {
		return s.PostalCountsFn(ctx, from, to)
	}
	return s.Next.PostalCounts(ctx, from, to)
}
