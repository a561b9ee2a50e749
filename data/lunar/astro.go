package lunar

import "math"

// synodicMonth is the mean length of a lunation, in days.
const synodicMonth = 29.530588861

// newMoon returns the Julian Ephemeris Day (dynamical time) of the true new
// moon k, where k = 0 is the new moon of 6 January 2000 and k counts
// lunations from there (Meeus, chapter 49).
func newMoon(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := 2451550.09766 + synodicMonth*kf + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4

	e := 1 - 0.002516*t - 0.0000074*t2
	m := rad(2.5534 + 29.10535670*kf - 0.0000014*t2 - 0.00000011*t3)                      // Sun's mean anomaly
	mm := rad(201.5643 + 385.81693528*kf + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4) // Moon's mean anomaly
	f := rad(160.7108 + 390.67050284*kf - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4)  // Moon's argument of latitude
	om := rad(124.7746 - 1.56375588*kf + 0.0020672*t2 + 0.00000215*t3)                    // longitude of the ascending node

	s := math.Sin
	jde += -0.40720*s(mm) +
		0.17241*e*s(m) +
		0.01608*s(2*mm) +
		0.01039*s(2*f) +
		0.00739*e*s(mm-m) -
		0.00514*e*s(mm+m) +
		0.00208*e*e*s(2*m) -
		0.00111*s(mm-2*f) -
		0.00057*s(mm+2*f) +
		0.00056*e*s(2*mm+m) -
		0.00042*s(3*mm) +
		0.00042*e*s(m+2*f) +
		0.00038*e*s(m-2*f) -
		0.00024*e*s(2*mm-m) -
		0.00017*s(om) -
		0.00007*s(mm+2*m) +
		0.00004*s(2*mm-2*f) +
		0.00004*s(3*m) +
		0.00003*s(mm+m-2*f) +
		0.00003*s(2*mm+2*f) -
		0.00003*s(mm+m+2*f) +
		0.00003*s(mm-m+2*f) -
		0.00002*s(mm-m-2*f) -
		0.00002*s(3*mm+m) +
		0.00002*s(4*mm)

	// Planetary arguments.
	planetary := [...]struct{ coef, a0, a1 float64 }{
		{0.000325, 299.77, 0.107408}, // A1 also has a T² term, added below
		{0.000165, 251.88, 0.016321},
		{0.000164, 251.83, 26.651886},
		{0.000126, 349.42, 36.412478},
		{0.000110, 84.66, 18.206239},
		{0.000062, 141.74, 53.303771},
		{0.000060, 207.14, 2.453732},
		{0.000056, 154.84, 7.306860},
		{0.000047, 34.52, 27.261239},
		{0.000042, 207.19, 0.121824},
		{0.000040, 291.34, 1.844379},
		{0.000037, 161.72, 24.198154},
		{0.000035, 239.56, 25.513099},
		{0.000023, 331.55, 3.592518},
	}
	for i, p := range planetary {
		a := p.a0 + p.a1*kf
		if i == 0 {
			a -= 0.009173 * t2
		}
		jde += p.coef * s(rad(a))
	}
	return jde
}

// sunLongitude returns the Sun's apparent longitude in degrees,
// in [0, 360), at the Julian Ephemeris Day jde (Meeus, chapter 25; about
// 0.01° accurate).
func sunLongitude(jde float64) float64 {
	t := (jde - 2451545) / 36525
	t2 := t * t
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t2 // mean longitude
	m := rad(357.52911 + 35999.05029*t - 0.0001537*t2)
	c := (1.914602-0.004817*t-0.000014*t2)*math.Sin(m) +
		(0.019993-0.000101*t)*math.Sin(2*m) +
		0.000289*math.Sin(3*m)
	om := rad(125.04 - 1934.136*t)
	lambda := l0 + c - 0.00569 - 0.00478*math.Sin(om)
	return math.Mod(math.Mod(lambda, 360)+360, 360)
}

// deltaT returns TT − UT in seconds near the Julian Date jd, from the
// polynomial fits of Espenak and Meeus (Five Millennium Canon of Solar
// Eclipses, NASA, 2006).
func deltaT(jd float64) float64 {
	y := 2000 + (jd-2451545)/365.25
	switch {
	case y < 1860:
		u := (y - 1820) / 100
		return -20 + 32*u*u
	case y < 1900:
		t := y - 1860
		return 7.62 + 0.5737*t - 0.251754*t*t + 0.01680668*t*t*t -
			0.0004473624*t*t*t*t + t*t*t*t*t/233174
	case y < 1920:
		t := y - 1900
		return -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*t*t*t*t
	case y < 1941:
		t := y - 1920
		return 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		return 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t +
			0.000651814*t*t*t*t + 0.00002373599*t*t*t*t*t
	case y < 2050:
		t := y - 2000
		return 62.92 + 0.32217*t + 0.005589*t*t
	case y < 2150:
		u := (y - 1820) / 100
		return -20 + 32*u*u - 0.5628*(2150-y)
	}
	u := (y - 1820) / 100
	return -20 + 32*u*u
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }
