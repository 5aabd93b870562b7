package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestPreferencesRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	if got := loadPreferences(a); got != (preferences{Theme: "system", Expand: expandLimit, QueryLimit: "10s"}) {
		t.Errorf("defaults: got %+v", got)
	}
	a.Preferences().SetString(prefTheme, "purple")
	a.Preferences().SetInt(prefExpand, -3)
	a.Preferences().SetString(prefQueryLimit, "soon")
	if got := loadPreferences(a); got != (preferences{Theme: "system", Expand: expandLimit, QueryLimit: "10s"}) {
		t.Errorf("invalid values: got %+v, want the defaults", got)
	}
	f := newPreferencesForm(preferences{Theme: "dark", Expand: 12, QueryLimit: "30s"})
	if got := f.preferences(); got != (preferences{Theme: "dark", Expand: 12, QueryLimit: "30s"}) {
		t.Errorf("the form gives back %+v", got)
	}
	if f.expand.SetText("0"); f.expand.Validate() == nil {
		t.Error("an expand threshold of 0 was accepted")
	}
}

func TestApplyPreferences(t *testing.T) {
	u := newTestUI(t)
	a := test.NewTempApp(t) // current app for the preferences below
	for _, tc := range []struct {
		choice string
		want   fyne.ThemeVariant
	}{{"dark", theme.VariantDark}, {"light", theme.VariantLight}} {
		onUI(func() { u.applyPreferences(a, preferences{Theme: tc.choice, Expand: 7, QueryLimit: "2m"}) })
		bg := a.Settings().Theme().Color(theme.ColorNameBackground, 99)
		if want := theme.DefaultTheme().Color(theme.ColorNameBackground, tc.want); bg != want {
			t.Errorf("%s: the background is %v, want %v", tc.choice, bg, want)
		}
	}
	var expand int
	var limit string
	onUI(func() { expand, limit = u.expandAsk, u.query.timeout.Selected })
	if expand != 7 || limit != "2m" {
		t.Errorf("after saving: expand threshold %d, query limit %q; want 7 and 2m", expand, limit)
	}
	if got := loadPreferences(a); got != (preferences{Theme: "light", Expand: 7, QueryLimit: "2m"}) {
		t.Errorf("stored: %+v", got)
	}
}
