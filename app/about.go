package app

import (
	"fmt"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reelgraph/assets"
)

// version and build are set when building, by the Makefile:
// -ldflags "-X reelgraph/app.version=0.1.0 -X 'reelgraph/app.build=1 (abc1234)'".
var version, build string

// versionText says which version and build this binary is: what the
// Makefile set, or else what Fyne's packaging tool set in the app's
// metadata, or else that it is a development build.
func versionText(md fyne.AppMetadata) string {
	v, b := version, build
	if v == "" && md.Version != "" {
		v, b = md.Version, fmt.Sprint(md.Build)
	}
	if v == "" {
		return "Development build (built without make, so no version was set)"
	}
	if b == "" {
		return "Version " + v
	}
	return fmt.Sprintf("Version %s, build %s", v, b)
}

// showAbout opens Help › About: the icon, the name, the version and build.
func (u *ui) showAbout() {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	name := widget.NewLabelWithStyle("Reelgraph", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	what := widget.NewLabel("A desktop explorer for cited knowledge graphs.")
	what.Alignment = fyne.TextAlignCenter
	ver := widget.NewLabel(versionText(fyne.CurrentApp().Metadata()))
	ver.Alignment = fyne.TextAlignCenter
	rt := widget.NewLabel(fmt.Sprintf("Built with %s for %s/%s; store: %s", runtime.Version(), runtime.GOOS, runtime.GOARCH, u.ex.Location()))
	rt.Alignment = fyne.TextAlignCenter
	dialog.ShowCustom("About Reelgraph", "Close", container.NewVBox(icon, name, what, ver, rt), u.win)
}
