// The small C surface infertop needs from ncursesw. SwiftPM drops pkg-config's -D flags, so the wide
// character API is switched on here; macros that Swift cannot import are wrapped as inline functions.
#ifndef INFERTOP_CNCURSES_SHIM_H
#define INFERTOP_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

static inline int tui_cols(void) { return COLS; }
static inline int tui_lines(void) { return LINES; }
static inline int tui_colors(void) { return COLORS; }
static inline int tui_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t tui_a_bold(void) { return A_BOLD; }
static inline attr_t tui_a_dim(void) { return A_DIM; }
static inline attr_t tui_a_reverse(void) { return A_REVERSE; }
static inline attr_t tui_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tui_a_normal(void) { return A_NORMAL; }
static inline void tui_set_escdelay(int ms) { ESCDELAY = ms; }
#endif
