// Printable ASCII (space to tilde) and nothing else: a text that needs no sanitising and is as
// many cells wide as it is long. Most of a frame's cells (ids, dates, states) are, and the hot
// paths that see every cell on every render ask this first.
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
