package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestVersionText(t *testing.T) {
	old, oldBuild := version, build
	t.Cleanup(func() { version, build = old, oldBuild })
	for _, tc := range []struct {
		name, v, b string
		md         fyne.AppMetadata
		want       string
	}{
		{"make", "0.1.0", "1 (9af48e7)", fyne.AppMetadata{Version: "9.9.9", Build: 9}, "Version 0.1.0, build 1 (9af48e7)"},
		{"fyne package", "", "", fyne.AppMetadata{Version: "0.1.0", Build: 3}, "Version 0.1.0, build 3"},
		{"go build", "", "", fyne.AppMetadata{}, "Development build (built without make, so no version was set)"},
		{"no build", "0.2.0", "", fyne.AppMetadata{}, "Version 0.2.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			version, build = tc.v, tc.b
			if got := versionText(tc.md); got != tc.want {
				t.Errorf("got %q want %q", got, tc.want)
			}
		})
	}
}
