//go:build race

package bolt

// raceEnabled says the tests run under the race detector, which makes
// bolt writes many times slower.
const raceEnabled = true
