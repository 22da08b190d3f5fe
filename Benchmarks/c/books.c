/*
 * The C baseline of PlanBook's benchmarks: replays a cell script (written by
 * `planbook-bench generate`, format in Benchmarks/Sources/CellScript.swift) by calling
 * libxlsxwriter directly — the same workbooks, sheets, widths, heights, cells, formats,
 * merges, document properties and print set-up that PlanBook writes, in the same order.
 *
 *   books normal   SCRIPT OUTDIR   libxlsxwriter's default mode (byte-identical to PlanBook)
 *   books constant SCRIPT OUTDIR   constant_memory = 1 (rows flushed as they are finished)
 *   books parse    SCRIPT OUTDIR   reads and splits the script only: the replay's own cost,
 *                                  which the benchmark subtracts from the two above
 *
 * Prints one JSON line: {"seconds": …, "workbooks": …, "cells": …, "peak_kib": …} (peak_kib:
 * VmHWM, the process's own peak resident memory). Build:
 *   cc -O2 -o books books.c $(pkg-config --cflags --libs xlsxwriter)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 32
#define MAX_FORMATS 4096

enum mode { MODE_NORMAL, MODE_CONSTANT, MODE_PARSE };

struct style {
    int defined;
    char *font;
    double size;
    int bold, wrap, border;
    char halign, valign;
    char *numfmt; /* NULL: General */
    long fill;    /* -1: none */
    long color;   /* -1: automatic */
};

static struct style styles[MAX_FORMATS];
static lxw_format *formats[MAX_FORMATS]; /* per workbook, made on first use */

static lxw_workbook *workbook;
static lxw_worksheet *sheet;
static enum mode mode;
static const char *outdir;
static long workbooks, cells;

static void die(const char *what, const char *detail) {
    fprintf(stderr, "books: %s: %s\n", what, detail);
    exit(1);
}

static void check(lxw_error e, const char *what) {
    if (e != LXW_NO_ERROR) die(what, lxw_strerror(e));
}

/* Unescapes a field in place (\\ \n \t \r). */
static char *unescape(char *s) {
    char *r = s, *w = s;
    while (*r) {
        if (*r == '\\' && r[1]) {
            r++;
            switch (*r) {
            case 'n': *w++ = '\n'; break;
            case 't': *w++ = '\t'; break;
            case 'r': *w++ = '\r'; break;
            default: *w++ = *r; break;
            }
            r++;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
    return s;
}

/* An optional field: NULL for "-", the value after "=" otherwise. */
static char *opt(char *s) { return s[0] == '=' ? s + 1 : NULL; }

static void mkdirs(char *path) {
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(path, 0777) != 0 && errno != EEXIST) die("mkdir", path);
            *p = '/';
        }
    }
}

static lxw_format *format_for(long id) {
    if (id <= 0 || id >= MAX_FORMATS || !styles[id].defined) die("format", "undefined");
    if (formats[id]) return formats[id];
    struct style *s = &styles[id];
    lxw_format *f = workbook_add_format(workbook);
    if (!f) die("format", "out of memory");
    /* The same calls, in the same order, as CellStyle.apply in Sources/Xlsx/CellStyle.swift. */
    format_set_font_name(f, s->font);
    format_set_font_size(f, s->size);
    if (s->bold) format_set_bold(f);
    switch (s->halign) {
    case 'l': format_set_align(f, LXW_ALIGN_LEFT); break;
    case 'c': format_set_align(f, LXW_ALIGN_CENTER); break;
    case 'r': format_set_align(f, LXW_ALIGN_RIGHT); break;
    }
    switch (s->valign) {
    case 't': format_set_align(f, LXW_ALIGN_VERTICAL_TOP); break;
    case 'c': format_set_align(f, LXW_ALIGN_VERTICAL_CENTER); break;
    case 'b': format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM); break;
    }
    if (s->wrap) format_set_text_wrap(f);
    if (s->border) format_set_border(f, LXW_BORDER_THIN);
    if (s->numfmt) format_set_num_format(f, s->numfmt);
    if (s->fill >= 0) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, (lxw_color_t)s->fill);
    }
    if (s->color >= 0)
        format_set_font_color(
            f, (s->color & 0xFFFFFF) == 0 ? LXW_COLOR_BLACK : (lxw_color_t)(s->color & 0xFFFFFF));
    formats[id] = f;
    return f;
}

/* The document properties and custom properties must outlive the calls: kept until close. */
static char *kept[64];
static int nkept;
static char *keep(const char *s) {
    if (!s) return NULL;
    if (nkept == 64) die("properties", "too many");
    return kept[nkept++] = strdup(s);
}

static void record(char **f, int n) {
    char kind = f[0][0];
    if (kind == 'F') {
        long id = atol(f[1]);
        if (id <= 0 || id >= MAX_FORMATS || n < 12) die("script", "bad format record");
        struct style *s = &styles[id];
        s->defined = 1;
        s->font = strdup(f[2]);
        s->size = strtod(f[3], NULL);
        s->bold = f[4][0] == '1';
        s->halign = f[5][0];
        s->valign = f[6][0];
        s->wrap = f[7][0] == '1';
        s->border = f[8][0] == '1';
        s->numfmt = opt(f[9]) ? strdup(opt(f[9])) : NULL;
        s->fill = opt(f[10]) ? atol(opt(f[10])) : -1;
        s->color = opt(f[11]) ? atol(opt(f[11])) : -1;
        return;
    }
    if (mode == MODE_PARSE) {
        if (kind == 'W') workbooks++;
        if (kind == 'T' || kind == 'N' || kind == 'D' || kind == 'B' || kind == 'M') cells++;
        return;
    }
    switch (kind) {
    case 'W': {
        char path[4096], tmpdir[4096];
        snprintf(path, sizeof path, "%s/%s", outdir, f[1]);
        mkdirs(path);
        snprintf(tmpdir, sizeof tmpdir, "%s", path);
        char *slash = strrchr(tmpdir, '/');
        if (slash) *slash = 0;
        lxw_workbook_options options = {
            .constant_memory = mode == MODE_CONSTANT, .tmpdir = tmpdir, .use_zip64 = 0};
        workbook = workbook_new_opt(path, &options);
        if (!workbook) die("workbook_new", path);
        memset(formats, 0, sizeof formats);
        workbooks++;
        break;
    }
    case 'P': {
        lxw_doc_properties p = {0};
        p.title = keep(opt(f[1]));
        p.subject = keep(opt(f[2]));
        p.author = keep(opt(f[3]));
        p.company = keep(opt(f[4]));
        p.comments = keep(opt(f[5]));
        p.created = (time_t)atol(f[6]);
        check(workbook_set_properties(workbook, &p), "properties");
        break;
    }
    case 'U':
        check(workbook_set_custom_property_string(workbook, f[1], f[2]), "custom property");
        break;
    case 'S':
        check(workbook_validate_sheet_name(workbook, f[1]), "sheet name");
        sheet = workbook_add_worksheet(workbook, f[1]);
        if (!sheet) die("add worksheet", f[1]);
        break;
    case 'K':
        check(worksheet_set_column(sheet, atoi(f[1]), atoi(f[1]), strtod(f[2], NULL), NULL),
              "column");
        break;
    case 'R': check(worksheet_set_row(sheet, atoi(f[1]), strtod(f[2], NULL), NULL), "row"); break;
    case 'T':
        cells++;
        check(worksheet_write_string(sheet, atoi(f[1]), atoi(f[2]), f[4], format_for(atol(f[3]))),
              "string");
        break;
    case 'N':
        cells++;
        check(worksheet_write_number(sheet, atoi(f[1]), atoi(f[2]), strtod(f[4], NULL),
                                     format_for(atol(f[3]))),
              "number");
        break;
    case 'D': {
        cells++;
        lxw_datetime d = {atoi(f[4]), atoi(f[5]), atoi(f[6]), 0, 0, 0};
        check(worksheet_write_datetime(sheet, atoi(f[1]), atoi(f[2]), &d, format_for(atol(f[3]))),
              "date");
        break;
    }
    case 'B':
        cells++;
        check(worksheet_write_blank(sheet, atoi(f[1]), atoi(f[2]), format_for(atol(f[3]))),
              "blank");
        break;
    case 'M':
        cells++;
        check(worksheet_merge_range(sheet, atoi(f[1]), atoi(f[2]), atoi(f[1]), atoi(f[3]), f[5],
                                    format_for(atol(f[4]))),
              "merge");
        break;
    case 'G': {
        /* The same calls, in the same order, as Worksheet.setPage in Sources/Xlsx. */
        worksheet_set_paper(sheet, (uint8_t)atoi(f[1]));
        if (f[2][0] == 'p') worksheet_set_portrait(sheet); else worksheet_set_landscape(sheet);
        worksheet_set_margins(sheet, strtod(f[3], NULL), strtod(f[4], NULL), strtod(f[5], NULL),
                              strtod(f[6], NULL));
        if (f[7][0] == '1') worksheet_center_horizontally(sheet);
        if (atoi(f[8]) > 0) worksheet_fit_to_pages(sheet, (uint16_t)atoi(f[8]), 0);
        if (f[12][0] == '1') worksheet_gridlines(sheet, LXW_HIDE_ALL_GRIDLINES);
        if (f[9][0] != '-') check(worksheet_repeat_rows(sheet, atoi(f[9]), atoi(f[10])), "repeat");
        if (opt(f[11])) check(worksheet_set_footer(sheet, opt(f[11])), "footer");
        if (f[13][0] != '-') {
            size_t count = 1;
            for (char *p = f[13]; *p; p++) count += *p == ',';
            lxw_row_t *breaks = calloc(count + 1, sizeof *breaks);
            if (!breaks) die("breaks", "out of memory");
            size_t i = 0;
            for (char *p = f[13]; *p;) {
                breaks[i++] = (lxw_row_t)strtoul(p, &p, 10);
                if (*p == ',') p++;
            }
            breaks[i] = 0;
            check(worksheet_set_h_pagebreaks(sheet, breaks), "page breaks");
            free(breaks);
        }
        break;
    }
    case 'E':
        check(workbook_close(workbook), "close");
        workbook = NULL;
        for (int i = 0; i < nkept; i++) free(kept[i]);
        nkept = 0;
        break;
    default: die("script", "unknown record");
    }
}

/* VmHWM from /proc/self/status, in KiB (0 when unknown). */
static long peak_kib(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) kib = atol(line + 6);
    fclose(f);
    return kib;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: books normal|constant|parse SCRIPT OUTDIR\n");
        return 64;
    }
    mode = strcmp(argv[1], "constant") == 0 ? MODE_CONSTANT
           : strcmp(argv[1], "parse") == 0  ? MODE_PARSE
                                            : MODE_NORMAL;
    outdir = argv[3];
    FILE *in = fopen(argv[2], "r");
    if (!in) die("open", argv[2]);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    char *fields[MAX_FIELDS];
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n') line[--len] = 0;
        int n = 0;
        char *p = line;
        fields[n++] = p;
        while ((p = strchr(p, '\t')) && n < MAX_FIELDS) {
            *p++ = 0;
            fields[n++] = p;
        }
        for (int i = 0; i < n; i++) unescape(fields[i]);
        record(fields, n);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    free(line);
    fclose(in);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"seconds\": %.6f, \"workbooks\": %ld, \"cells\": %ld, \"peak_kib\": %ld}\n", seconds,
           workbooks, cells, peak_kib());
    return 0;
}
