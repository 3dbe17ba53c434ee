// libxml2's HTML parser (Debian's libxml2-dev): a real, error-recovering
// HTML parser, which FoundationXML on Linux does not offer.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU copy that
// Foundation bundles. Nothing here touches the ICU members of libxml2's
// encoding handler (only pointers to it), so its headers are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
