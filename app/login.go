package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// loginScreen is what the window shows while nobody is logged in: the
// username, Tab, the password, Enter.
type loginScreen struct {
	u *UI

	office   *widget.Label
	username *field
	password *field
	submit   *widget.Button
	message  *banner
	busy     bool

	content fyne.CanvasObject
}

func newLoginScreen(u *UI) *loginScreen {
	l := &loginScreen{u: u}
	l.office = wrapped("", fyne.TextStyle{})
	l.office.Alignment = fyne.TextAlignCenter
	l.username = newField(u, lang.L("login.username.placeholder"))
	l.username.OnSubmitted = func(string) { u.win.Canvas().Focus(l.password) }
	l.password = newField(u, lang.L("login.password.placeholder"))
	l.password.Password = true
	l.password.OnSubmitted = func(string) { l.onLogin() }
	l.submit = widget.NewButtonWithIcon(lang.L("login.submit"), theme.LoginIcon(), l.onLogin)
	l.submit.Importance = widget.HighImportance
	l.message = newBanner()

	heading := title(lang.L("login.title"))
	heading.Alignment = fyne.TextAlignCenter
	grid := container.New(layout.NewFormLayout(),
		formLabel(lang.L("login.username")), l.username,
		formLabel(lang.L("login.password")), l.password)
	box := container.NewVBox(heading, l.office, grid, container.NewHBox(layout.NewSpacer(), l.submit), l.message.content,
		note(lang.L("login.hint")))
	l.content = container.NewCenter(container.New(boxWidth(440), box))
	return l
}

// prepareTexts reads, on a goroutine of its own, what the login screen
// and the intake need besides the window: the texts of language code,
// and the fonts of their styles (the codes are monospace), each parsed
// by the first text measured in it. Creating the window's native parts
// is the longest step of the start (half a second on Xvfb's software
// OpenGL): this is done meanwhile, on the other core.
func prepareTexts(code string) <-chan error {
	done := make(chan error, 1)
	go func() {
		err := useLanguage(code)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Monospace: true}} {
			fyne.MeasureText(windowTitle, theme.TextSize(), style)
		}
		done <- err
	}()
	return done
}

// reset empties the password and says where the window is, with the
// officer it locked on already typed in.
func (l *loginScreen) reset(office, username string) {
	l.office.SetText(office)
	l.username.SetText(username)
	l.password.SetText("")
	l.message.show("", widget.MediumImportance)
}

// focus puts the cursor where the officer types next.
func (l *loginScreen) focus() {
	if l.username.Text == "" {
		l.u.win.Canvas().Focus(l.username)
		return
	}
	l.u.win.Canvas().Focus(l.password)
}

func (l *loginScreen) onLogin() {
	if l.busy {
		return
	}
	user, pw := l.username.Text, l.password.Text
	if data.Clean(user) == "" {
		l.message.show(lang.L("login.username.missing"), widget.DangerImportance)
		l.u.win.Canvas().Focus(l.username)
		return
	}
	l.busy = true
	l.submit.Disable()
	u := l.u
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.Account, error) {
		return u.desk.Login(ctx, user, pw)
	}, func(a data.Account, err error) {
		l.busy = false
		l.submit.Enable()
		if err != nil {
			l.password.SetText("")
			l.message.show(u.errorText(err), widget.DangerImportance)
			u.win.Canvas().Focus(l.password)
			return
		}
		l.password.SetText("")
		u.loggedIn(a)
	})
}

// boxWidth makes its objects at least its width: the login form keeps
// its size in the middle of the window.
type boxWidth float32

func (b boxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(float32(b), 0)
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (b boxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
