package app

import "motcua/data"

// intakeDraft is what the officer has put into the intake so far, kept
// while the screens are built again (a change of language) so that a
// half-filled dossier is not lost.
type intakeDraft struct {
	proc    data.Procedure
	entries map[string]string // the applicant's entries by field name
	docs    []docDraft
	sets    string
}

type docDraft struct {
	name              string
	extra, checked    bool
	originals, copies string
}

// draft reads what the intake holds.
func (s *intakeScreen) draft() intakeDraft {
	d := intakeDraft{proc: s.procedure.proc, entries: map[string]string{}, sets: s.papers.sets.Text}
	for _, ff := range s.applicantFields {
		if ff.entry != nil && len(ff.names) > 0 {
			d.entries[ff.names[0]] = ff.entry.Text
		}
	}
	for _, r := range s.papers.docs {
		d.docs = append(d.docs, docDraft{name: r.name, extra: r.extra, checked: r.check.Checked,
			originals: r.originals.Text, copies: r.copies.Text})
	}
	return d
}

// restore puts a draft back into a new intake: the procedure first,
// which makes its checklist, then the papers and the applicant.
func (s *intakeScreen) restore(d intakeDraft) {
	if d.proc.Code != "" {
		s.procedure.pick(d.proc)
	}
	rows := map[string]*docRow{}
	for _, r := range s.papers.docs {
		rows[r.name] = r
	}
	added := false
	for _, doc := range d.docs {
		r := rows[doc.name]
		if r == nil && doc.extra {
			r, added = s.papers.add(doc.name, "", 0, 0, true), true
		}
		if r == nil {
			continue
		}
		r.check.SetChecked(doc.checked)
		r.originals.SetText(doc.originals)
		r.copies.SetText(doc.copies)
	}
	if added {
		s.papers.rowsChanged()
	}
	s.papers.sets.SetText(d.sets)
	for _, ff := range s.applicantFields {
		if ff.entry == nil || len(ff.names) == 0 {
			continue
		}
		if text, ok := d.entries[ff.names[0]]; ok {
			ff.entry.SetText(text)
		}
	}
	s.onEdit()
}
