/* libxlsxwriter_bench IN.csv OUT.xlsx — the same CSV → XLSX conversion as xlsx-write-bench, with
 * libxlsxwriter in constant_memory mode (Debian's libxlsxwriter-dev).
 * Build: cc -O2 -o libxlsxwriter_bench libxlsxwriter_bench.c -lxlsxwriter
 * A field becomes a number only when it is a plain decimal (optional '-', no leading zero before
 * another digit, optional fraction, at most 15 significant digits); everything else is text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int is_number(const char *f, size_t n) {
    size_t i = 0, start, significant = 0;
    if (i < n && f[i] == '-') i++;
    start = i;
    while (i < n && f[i] >= '0' && f[i] <= '9') { if (significant || f[i] != '0') significant++; i++; }
    if (i == start || (i - start > 1 && f[start] == '0')) return 0;
    if (i < n) {
        if (f[i] != '.' || i + 1 >= n) return 0;
        i++;
        while (i < n && f[i] >= '0' && f[i] <= '9') { if (significant || f[i] != '0') significant++; i++; }
        if (i != n) return 0;
    }
    return significant <= 15;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s IN.csv OUT.xlsx\n", argv[0]); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 1; }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
    char *line = NULL, *field = NULL;
    size_t cap = 0, fcap = 0;
    ssize_t len;
    lxw_row_t row = 0;
    /* Records may span lines inside quotes; the benchmark CSV has none, but handle quotes anyway. */
    while ((len = getline(&line, &cap, in)) > 0) {
        if (fcap < (size_t)len + 1) { fcap = (size_t)len + 1; field = realloc(field, fcap); }
        lxw_col_t col = 0;
        size_t i = 0, n = 0;
        int quoted = 0;
        for (;;) {
            char c = i < (size_t)len ? line[i] : '\n';
            if (quoted) {
                if (c == '"') { if (i + 1 < (size_t)len && line[i + 1] == '"') { field[n++] = '"'; i++; } else quoted = 0; }
                else field[n++] = c;
                i++;
                continue;
            }
            if (c == '"') { quoted = 1; i++; continue; }
            if (c == ',' || c == '\n' || c == '\r') {
                field[n] = 0;
                if (n > 0) {
                    if (is_number(field, n)) worksheet_write_number(ws, row, col, strtod(field, NULL), NULL);
                    else worksheet_write_string(ws, row, col, field, NULL);
                }
                col++;
                n = 0;
                if (c != ',') break;
                i++;
                continue;
            }
            field[n++] = c;
            i++;
        }
        row++;
    }
    free(line);
    free(field);
    fclose(in);
    lxw_error err = workbook_close(wb);
    if (err) { fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(err)); return 1; }
    return 0;
}
