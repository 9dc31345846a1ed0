#ifndef CLIBZIP_SHIM_H
#define CLIBZIP_SHIM_H
#include <zip.h>
/* Composite macros are not imported into Swift. */
static inline zip_int64_t clibzip_supports_readable(void) { return ZIP_SOURCE_SUPPORTS_READABLE; }
static inline zip_int64_t clibzip_supports_seekable(void) { return ZIP_SOURCE_SUPPORTS_SEEKABLE; }
#endif
