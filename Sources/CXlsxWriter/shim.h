#include <xlsxwriter.h>
#include <locale.h>

/* A locale like the calling thread's current one but with LC_NUMERIC = "C", for uselocale():
 * libxlsxwriter formats numbers with printf's %G, which follows LC_NUMERIC (a German locale
 * would write "697,31" and break the file). Returns (locale_t)0 on failure. */
static inline locale_t planbook_numeric_c_locale(void) {
    locale_t base = duplocale(uselocale((locale_t)0));
    if (base == (locale_t)0) return (locale_t)0;
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", base);
    if (c == (locale_t)0) freelocale(base);
    return c;
}

/* Makes `locale` the calling thread's locale and returns the previous one. */
static inline locale_t planbook_use_locale(locale_t locale) { return uselocale(locale); }

static inline void planbook_free_locale(locale_t locale) { freelocale(locale); }
