package data

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// canonical rewrites compact JSON as encoding/json.Marshal writes it
// into the canonical form CanonicalJSON defines (what decoding it into
// any and encoding that again without HTML escaping gives), in one pass
// without the generic tree: audit entries are hashed at every change.
type canonical struct {
	in  []byte
	pos int
}

func (c *canonical) value(out []byte) ([]byte, error) {
	if c.pos >= len(c.in) {
		return nil, fmt.Errorf("canonical json: unexpected end")
	}
	switch c.in[c.pos] {
	case '{':
		return c.object(out)
	case '[':
		c.pos++
		out = append(out, '[')
		for first := true; ; first = false {
			if c.pos < len(c.in) && c.in[c.pos] == ']' {
				c.pos++
				return append(out, ']'), nil
			}
			if !first {
				if err := c.expect(','); err != nil {
					return nil, err
				}
				out = append(out, ',')
			}
			var err error
			if out, err = c.value(out); err != nil {
				return nil, err
			}
		}
	case '"':
		return c.str(out)
	default: // a number, true, false or null: kept as written
		start := c.pos
		for c.pos < len(c.in) && !strings.ContainsRune(",}]", rune(c.in[c.pos])) {
			c.pos++
		}
		return append(out, c.in[start:c.pos]...), nil
	}
}

func (c *canonical) expect(b byte) error {
	if c.pos >= len(c.in) || c.in[c.pos] != b {
		return fmt.Errorf("canonical json: %q expected at %d", b, c.pos)
	}
	c.pos++
	return nil
}

// object writes the members sorted by key, as maps encode: they are
// written in place as they come, and laid out again when out of order.
func (c *canonical) object(out []byte) ([]byte, error) {
	type member struct {
		key        string // decoded, to sort by
		start, end int    // the member's text in out
	}
	c.pos++
	out = append(out, '{')
	open := len(out)
	var ms []member
	for c.pos < len(c.in) && c.in[c.pos] != '}' {
		if len(ms) > 0 {
			if err := c.expect(','); err != nil {
				return nil, err
			}
			out = append(out, ',')
		}
		m := member{start: len(out)}
		var err error
		if out, err = c.str(out); err != nil {
			return nil, err
		}
		text := out[m.start:]
		m.key = string(text[1 : len(text)-1])
		if bytes.IndexByte(text, '\\') >= 0 {
			if m.key, err = strconv.Unquote(string(text)); err != nil {
				return nil, fmt.Errorf("canonical json: key %s: %w", text, err)
			}
		}
		if err := c.expect(':'); err != nil {
			return nil, err
		}
		if out, err = c.value(append(out, ':')); err != nil {
			return nil, err
		}
		m.end = len(out)
		ms = append(ms, m)
	}
	if err := c.expect('}'); err != nil {
		return nil, err
	}
	inOrder := true
	for i := 1; i < len(ms); i++ {
		inOrder = inOrder && ms[i-1].key < ms[i].key
	}
	if !inOrder {
		// Keys that decode the same (invalid UTF-8 replaced) keep the
		// last value, as decoding into a map does.
		slices.SortStableFunc(ms, func(a, b member) int { return strings.Compare(a.key, b.key) })
		text := slices.Clone(out[open:])
		out = out[:open]
		for i, m := range ms {
			if i+1 < len(ms) && ms[i+1].key == m.key {
				continue
			}
			if len(out) > open {
				out = append(out, ',')
			}
			out = append(out, text[m.start-open:m.end-open]...)
		}
	}
	return append(out, '}'), nil
}

// str copies a string, undoing the escapes only Marshal writes: <, > and
// & (HTML escaping), and the replacement character it writes for invalid
// UTF-8, which encoding the decoded string again writes as itself.
func (c *canonical) str(out []byte) ([]byte, error) {
	if err := c.expect('"'); err != nil {
		return nil, err
	}
	out = append(out, '"')
	for c.pos < len(c.in) {
		b := c.in[c.pos]
		switch {
		case b == '"':
			c.pos++
			return append(out, '"'), nil
		case b == '\\' && c.pos+1 < len(c.in) && c.in[c.pos+1] == 'u' && c.pos+6 <= len(c.in):
			switch string(c.in[c.pos+2 : c.pos+6]) {
			case "003c":
				out = append(out, '<')
			case "003e":
				out = append(out, '>')
			case "0026":
				out = append(out, '&')
			case "fffd":
				out = append(out, "\uFFFD"...)
			default:
				out = append(out, c.in[c.pos:c.pos+6]...)
			}
			c.pos += 6
		case b == '\\' && c.pos+1 < len(c.in):
			out = append(out, b, c.in[c.pos+1])
			c.pos += 2
		default:
			out = append(out, b)
			c.pos++
		}
	}
	return nil, fmt.Errorf("canonical json: unterminated string")
}
