#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> would pull in the
   system ICU headers, which clash with Foundation's own ICU module on clean
   builds ("'UErrorCode' has different definitions"). We never touch the
   ICU-only fields, so switch them off for this module. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects touching it. */
static inline void clibxml2_free(void *p) { xmlFree(p); }
#endif
