package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
	"motcua/province"
)

// autoSync starts the background worker; tests drive rounds themselves.
var autoSync = true

// syncScreen shows the provincial sync: online or not, the queue, the last
// success and error, a clock warning, the changes the province refused,
// and the enrollment form before the workstation is enrolled.
type syncScreen struct {
	u *UI

	state    *widget.Label
	queue    *widget.Label
	last     *widget.Label
	lastErr  *widget.Label
	clock    *widget.Label
	syncNow  *widget.Button
	progress *progressBar // a pull under way
	server   *widget.Label
	enrolled *fyne.Container

	serverURL  *field // enrollment: server address
	code       *field
	ca         *field
	enrollNote *widget.Label
	enroll     *widget.Button
	enrollUI   *fyne.Container

	rejections []data.Rejection
	attention  *widget.List
	selected   int
	dismiss    *widget.Button

	content fyne.CanvasObject
}

func newSyncScreen(u *UI) *syncScreen {
	s := &syncScreen{u: u, selected: -1}
	label := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	s.state, s.queue, s.last, s.server = label(), label(), label(), label()
	s.lastErr = label()
	s.lastErr.Importance = widget.DangerImportance
	s.clock = label()
	s.clock.Importance = widget.WarningImportance
	s.syncNow = widget.NewButtonWithIcon(lang.L("sync.now"), theme.ViewRefreshIcon(), s.onSyncNow)
	s.syncNow.Importance = widget.HighImportance
	form := container.New(layout.NewFormLayout(),
		formLabel(lang.L("sync.server")), s.server,
		formLabel(lang.L("sync.state")), s.state,
		formLabel(lang.L("sync.queue")), s.queue,
		formLabel(lang.L("sync.last")), s.last,
	)
	s.progress = newProgressBar(countsText("sync.progress"))
	s.enrolled = container.NewVBox(form, s.progress.content, s.lastErr, s.clock, container.NewHBox(s.syncNow))

	s.serverURL = newField(u, "")
	s.serverURL.SetPlaceHolder("https://dongbo.tinh.gov.vn:8443")
	s.code = newField(u, "")
	s.code.SetPlaceHolder(lang.L("sync.enroll.code.placeholder"))
	s.ca = newField(u, "")
	s.ca.SetPlaceHolder(lang.L("sync.enroll.ca.placeholder"))
	s.enroll = widget.NewButtonWithIcon(lang.L("sync.enroll"), theme.LoginIcon(), s.onEnroll)
	s.enroll.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("sync.enroll.intro"))
	intro.Wrapping = fyne.TextWrapWord
	s.enrollUI = container.NewVBox(intro, container.New(layout.NewFormLayout(),
		formLabel(lang.L("sync.server")), s.serverURL,
		formLabel(lang.L("sync.enroll.code")), s.code,
		formLabel(lang.L("sync.enroll.ca")), s.ca,
	), container.NewHBox(s.enroll))

	s.attention = widget.NewList(func() int { return len(s.rejections) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		r := s.rejections[id]
		o.(*widget.Label).SetText(fmt.Sprintf("%s  %s  %s\n%s", r.CreatedAt.In(data.Zone).Format("02/01/2006 15:04"), r.Subject, r.Kind, r.Reason))
		s.attention.SetItemHeight(id, o.MinSize().Height)
	})
	s.attention.OnSelected = func(id widget.ListItemID) { s.selected = id; s.dismiss.Enable() }
	s.attention.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.dismiss.Disable() }
	s.dismiss = widget.NewButtonWithIcon(lang.L("sync.dismiss"), theme.ConfirmIcon(), s.onDismiss)
	s.dismiss.Disable()
	attentionHead := widget.NewLabelWithStyle(lang.L("sync.attention"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	attentionHint := widget.NewLabel(lang.L("sync.attention.hint"))
	attentionHint.Wrapping = fyne.TextWrapWord
	attentionHint.Importance = widget.LowImportance

	heading := widget.NewLabelWithStyle(lang.L("sync.nav"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	// Only an administrator enrolls the workstation; the others are told so.
	s.enrollNote = roleNote(u, data.ActSetup)
	top := container.NewVBox(heading, s.enrolled, s.enrollUI, s.enrollNote, widget.NewSeparator(), attentionHead, attentionHint)
	s.content = container.NewBorder(top, container.NewHBox(s.dismiss), nil, nil, s.attention)
	s.showEnrolled(false)
	return s
}

// showEnrolled shows the status or the enrollment form.
func (s *syncScreen) showEnrolled(yes bool) {
	if yes {
		s.enrolled.Show()
		s.enrollUI.Hide()
	} else {
		s.enrolled.Hide()
		s.enrollUI.Show()
	}
	if !s.u.desk.May(data.ActSetup) {
		s.enrollUI.Hide()
		s.enrollNote.Hidden = yes
	}
}

// focusTarget is where the cursor goes when the screen is shown.
func (s *syncScreen) focusTarget() fyne.Focusable {
	if s.enrollUI.Visible() {
		return s.serverURL
	}
	return nil
}

// reload reads the settings and the refused changes, and starts the
// worker once the workstation is enrolled.
func (s *syncScreen) reload() {
	type snapshot struct {
		settings   data.SyncSettings
		enrolled   bool
		rejections []data.Rejection
	}
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (snapshot, error) {
		var snap snapshot
		st, err := s.u.desk.SyncSettings(ctx)
		switch {
		case err == nil:
			snap.settings, snap.enrolled = st, st.ServerURL != ""
		case data.ErrorCode(err) != data.ENotFound:
			return snap, err
		}
		snap.rejections, err = s.u.desk.NeedsAttention(ctx)
		return snap, err
	}, func(snap snapshot, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.rejections = snap.rejections
		s.selected = -1
		s.attention.UnselectAll()
		s.attention.Refresh()
		s.showEnrolled(snap.enrolled)
		if snap.enrolled {
			s.server.SetText(snap.settings.ServerURL)
			s.u.startSync()
		}
		if w := s.u.syncWorker; w != nil {
			s.show(w.Status())
		}
	})
}

// show puts a worker status on the screen.
func (s *syncScreen) show(st province.Status) {
	switch {
	case st.Syncing:
		s.state.SetText(lang.L("sync.state.syncing"))
	case st.Online:
		s.state.SetText(lang.L("sync.state.online"))
	default:
		s.state.SetText(lang.L("sync.state.offline"))
	}
	s.progress.set(st.Pulled, st.ToPull)
	s.queue.SetText(lang.X("sync.queue.count", "{{.Count}} thay đổi chờ gửi", map[string]any{"Count": st.Queue}))
	if st.LastSuccess.IsZero() {
		s.last.SetText(lang.L("sync.last.never"))
	} else {
		s.last.SetText(st.LastSuccess.In(data.Zone).Format("15:04:05 02/01/2006"))
	}
	if st.LastError != "" {
		s.lastErr.SetText(lang.L("sync.error") + ": " + st.LastError + " (" + st.LastErrorAt.In(data.Zone).Format("15:04") + ")")
		s.lastErr.Show()
	} else {
		s.lastErr.Hide()
	}
	if w := st.ClockWarning(); w != "" {
		s.clock.SetText(w)
		s.clock.Show()
	} else {
		s.clock.Hide()
	}
}

// onSyncNow runs one round at once and shows what it did.
func (s *syncScreen) onSyncNow() {
	w := s.u.syncWorker
	if w == nil {
		return
	}
	s.syncNow.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (province.Report, error) {
		return w.SyncOnce(ctx)
	}, func(rep province.Report, err error) {
		s.syncNow.Enable()
		s.show(w.Status())
		s.reload()
		if err != nil {
			s.u.showError(counter.SyncError(err))
		}
	})
}

// onEnroll exchanges the one-time code for the workstation's token.
func (s *syncScreen) onEnroll() {
	server, code, ca := s.serverURL.Text, s.code.Text, s.ca.Text
	s.enroll.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.EnrollResponse, error) {
		return s.u.desk.Enroll(ctx, server, code, ca)
	}, func(resp data.EnrollResponse, err error) {
		s.enroll.Enable()
		if err != nil {
			s.u.showError(err)
			return
		}
		s.code.SetText("")
		s.reload()
	})
}

// onDismiss marks the selected refused change as seen to.
func (s *syncScreen) onDismiss() {
	if s.selected < 0 || s.selected >= len(s.rejections) {
		return
	}
	key := s.rejections[s.selected].Key
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) ([]data.Rejection, error) {
		return s.u.desk.DismissRejection(ctx, key)
	}, func(_ []data.Rejection, err error) {
		if err != nil {
			s.u.showError(err)
		}
		s.reload()
	})
}

// startSync starts the background worker once, for the window's life.
func (u *UI) startSync() {
	if u.syncWorker != nil {
		return
	}
	w, err := u.sync.Worker(u.ctx)
	if err != nil {
		u.showError(err)
		return
	}
	u.syncWorker = w
	u.syncWorker.Watch(func(st province.Status) {
		deliver(func() {
			if u.built[sectionSync] {
				u.syncScr.show(st)
			}
		})
	})
	if autoSync {
		go u.syncWorker.Run(u.ctx)
	}
}
