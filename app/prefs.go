package app

import (
	"fmt"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keys of the preferences Reelgraph keeps with fyne.Preferences.
const (
	prefTheme      = "theme"           // "system", "light" or "dark"
	prefExpand     = "expandThreshold" // how many new neighbours an expansion shows without asking
	prefQueryLimit = "queryTimeLimit"  // a Gizmo query's time limit, as "10s"
)

// Theme choices, as stored and as shown.
var themeChoices = []string{"system", "light", "dark"}
var themeNames = map[string]string{"system": "As the system", "light": "Light", "dark": "Dark"}

// queryLimits are the time limits the query panel offers.
var queryLimits = []string{"2s", "10s", "30s", "2m"}

// preferences are the analyst's settings.
type preferences struct {
	Theme      string
	Expand     int
	QueryLimit string
}

// loadPreferences reads the preferences, with defaults for those not set
// or not valid.
func loadPreferences(a fyne.App) preferences {
	p := a.Preferences()
	prefs := preferences{
		Theme:      p.StringWithFallback(prefTheme, "system"),
		Expand:     p.IntWithFallback(prefExpand, expandLimit),
		QueryLimit: p.StringWithFallback(prefQueryLimit, "10s"),
	}
	if themeNames[prefs.Theme] == "" {
		prefs.Theme = "system"
	}
	if prefs.Expand < 1 {
		prefs.Expand = expandLimit
	}
	if d, err := time.ParseDuration(prefs.QueryLimit); err != nil || d <= 0 {
		prefs.QueryLimit = "10s"
	}
	return prefs
}

func (p preferences) save(a fyne.App) {
	a.Preferences().SetString(prefTheme, p.Theme)
	a.Preferences().SetInt(prefExpand, p.Expand)
	a.Preferences().SetString(prefQueryLimit, p.QueryLimit)
}

// applyTheme sets the app's theme from the preferences: Fyne's own,
// following the system, or held light or dark.
func applyTheme(a fyne.App) {
	switch loadPreferences(a).Theme {
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// variantTheme is a theme held in one variant, whatever the system's.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

var _ fyne.Theme = variantTheme{}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyPreferences stores the preferences and puts them to work at once.
func (u *ui) applyPreferences(a fyne.App, p preferences) {
	p.save(a)
	applyTheme(a)
	u.expandAsk = p.Expand
	if u.query != nil {
		u.query.timeout.SetSelected(p.QueryLimit)
	}
}

// preferencesForm is the Preferences dialog's content.
type preferencesForm struct {
	theme  *widget.RadioGroup
	expand *widget.Entry
	limit  *widget.Select
}

func newPreferencesForm(p preferences) *preferencesForm {
	f := &preferencesForm{}
	var names []string
	for _, c := range themeChoices {
		names = append(names, themeNames[c])
	}
	f.theme = widget.NewRadioGroup(names, nil)
	f.theme.Horizontal = true
	f.theme.Required = true
	f.theme.SetSelected(themeNames[p.Theme])
	f.expand = widget.NewEntry()
	f.expand.SetText(strconv.Itoa(p.Expand))
	f.expand.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 1 || n > 10000 {
			return fmt.Errorf("give a whole number from 1 to 10000")
		}
		return nil
	}
	f.limit = widget.NewSelect(queryLimits, nil)
	f.limit.SetSelected(p.QueryLimit)
	return f
}

// preferences reads the form; the caller has validated it.
func (f *preferencesForm) preferences() preferences {
	p := preferences{Theme: "system", QueryLimit: f.limit.Selected}
	for c, name := range themeNames {
		if name == f.theme.Selected {
			p.Theme = c
		}
	}
	p.Expand, _ = strconv.Atoi(f.expand.Text)
	return p
}

// showPreferences opens the Preferences dialog; Save applies them at once.
func (u *ui) showPreferences() {
	a := fyne.CurrentApp()
	f := newPreferencesForm(loadPreferences(a))
	items := []*widget.FormItem{
		widget.NewFormItem("Theme", f.theme),
		{Text: "Expand without asking up to", Widget: f.expand, HintText: "new neighbours; more asks which to show"},
		{Text: "Query time limit", Widget: f.limit, HintText: "how long a Gizmo query may run"},
	}
	d := dialog.NewForm("Preferences", "Save", "Cancel", items, func(ok bool) {
		if ok {
			u.applyPreferences(a, f.preferences())
			u.setStatus("Preferences saved")
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
}
