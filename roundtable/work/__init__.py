"""Students' work: the answer store, exports, and the instructor's class view of them."""
