// wcwidth(3) needs X/Open declarations and a UTF-8 LC_CTYPE. The process's locale is not ours to change (the
// snapshot command and the tests never call setlocale), so the widths are read under a private UTF-8 locale:
// the Basic Multilingual Plane once into a table, the other planes on demand with uselocale(3), which changes
// only the calling thread's locale.
#define _GNU_SOURCE
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <pthread.h>
#include <wchar.h>
#include "cwidth.h"

static locale_t utf8_locale = (locale_t)0;
static signed char bmp_widths[0x10000];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *const names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0] && utf8_locale == (locale_t)0; i++) {
        utf8_locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
    }
    if (utf8_locale == (locale_t)0) return;
    locale_t previous = uselocale(utf8_locale);
    for (unsigned c = 0; c < 0x10000; c++) bmp_widths[c] = (signed char)wcwidth((wchar_t)c);
    uselocale(previous);
}

int infertop_wcwidth(unsigned int scalar) {
    pthread_once(&once, load);
    if (utf8_locale == (locale_t)0) return -2;
    if (scalar < 0x10000) return bmp_widths[scalar];
    if (scalar > 0x10FFFF) return -1;
    locale_t previous = uselocale(utf8_locale);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}
