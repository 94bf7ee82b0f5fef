#ifndef INFERTOP_CWIDTH_H
#define INFERTOP_CWIDTH_H

/// The terminal columns the C library gives a Unicode scalar (wcwidth(3)) under a UTF-8 locale, whatever the
/// process's own locale is: 0 for combining and zero-width characters, 2 for East Asian wide ones and most
/// emoji, -1 for control and unassigned characters. ncursesw measures text with the same function, so a canvas
/// that uses it agrees with the screen library about where every column is. Returns -2 when the system has no
/// UTF-8 locale at all.
int infertop_wcwidth(unsigned int scalar);

#endif
