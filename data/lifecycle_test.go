package data

import "testing"

func TestCanTransitionEveryPair(t *testing.T) {
	all := []Status{StatusReceived, StatusSupplement, StatusRefused, StatusTransferred, StatusResultReady, StatusReturned, StatusWithdrawn, StatusStopped}
	// allowed is written out pair by pair; every pair not listed is refused.
	allowed := map[[2]Status]bool{
		{StatusReceived, StatusTransferred}:    true,
		{StatusReceived, StatusResultReady}:    true,
		{StatusReceived, StatusSupplement}:     true,
		{StatusReceived, StatusRefused}:        true,
		{StatusReceived, StatusWithdrawn}:      true,
		{StatusSupplement, StatusReceived}:     true,
		{StatusSupplement, StatusRefused}:      true,
		{StatusSupplement, StatusWithdrawn}:    true,
		{StatusTransferred, StatusResultReady}: true,
		{StatusTransferred, StatusSupplement}:  true,
		{StatusTransferred, StatusRefused}:     true,
		{StatusTransferred, StatusWithdrawn}:   true,
		{StatusResultReady, StatusReturned}:    true,
		{StatusReceived, StatusStopped}:        true,
		{StatusSupplement, StatusStopped}:      true,
		{StatusTransferred, StatusStopped}:     true,
	}
	for _, from := range all {
		for _, to := range all {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				want := allowed[[2]Status{from, to}]
				if got := CanTransition(from, to); got != want {
					t.Errorf("CanTransition = %v, want %v", got, want)
				}
			})
		}
	}
	if CanTransition("bogus", StatusReceived) || CanTransition(StatusReceived, "bogus") {
		t.Error("an unknown status moved")
	}
}
