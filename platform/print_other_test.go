//go:build !windows

package platform

import (
	"reflect"
	"testing"
)

func TestLpArgs(t *testing.T) {
	tests := []struct {
		name string
		opt  PrintOptions
		want []string
	}{
		{"default printer", PrintOptions{}, []string{"--", "-r.pdf"}},
		{"printer and paper", PrintOptions{Printer: "Canon_A5", Paper: "A5"}, []string{"-d", "Canon_A5", "-o", "media=A5", "--", "-r.pdf"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lpArgs("-r.pdf", tc.opt); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("lpArgs = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseLpstat(t *testing.T) {
	tests := []struct {
		name string
		out  string
		want []Printer
	}{
		{"default and another", "system default destination: HP\nCanon_A5 accepting requests since Mon 01 Dec 2026 09:00:00 AM\nHP accepting requests since Mon 01 Dec 2026 09:00:00 AM\n",
			[]Printer{{Name: "Canon_A5"}, {Name: "HP", Default: true}}},
		{"no default", "no system default destination\nHP accepting requests since Mon 01 Dec 2026\n", []Printer{{Name: "HP"}}},
		{"none", "lpstat: No destinations added.\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseLpstat(tc.out); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseLpstat = %+v, want %+v", got, tc.want)
			}
		})
	}
}
