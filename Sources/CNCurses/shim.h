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
#include <stdio.h>

/// newterm on the process's stdout/stdin: unlike initscr it returns NULL instead of exiting when TERM is unusable.
static inline SCREEN *tui_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *tui_stdscr(void) { return stdscr; }
/// Navigation keys as the common terminals send them, whatever TERM's terminfo says: tmux and screen send
/// `ESC [ 1 ~` for Home where xterm-256color's terminfo expects `ESC O H`, so without these Home and End are
/// unknown escape sequences under those terminals.
static inline void tui_define_navigation_keys(void) {
    static const struct { const char *sequence; int key; } keys[] = {
        {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
        {"\033[4~", KEY_END}, {"\033[8~", KEY_END}, {"\033[F", KEY_END}, {"\033OF", KEY_END},
        {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE}, {"\033[Z", KEY_BTAB},
        {"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
        {"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
    };
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++) define_key(keys[i].sequence, keys[i].key);
}
/// Left clicks and the wheel (buttons 4 and 5) only: no drag reports, so the terminal's own selection keeps working
/// with shift.
static inline void tui_enable_mouse(void) {
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
/// Reads the pending mouse event: returns 1 for a left click, 2 wheel up, 3 wheel down, 0 otherwise.
static inline int tui_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}
#endif
