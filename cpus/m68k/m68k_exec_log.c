/* The 68000 handlers with bus logging (m68k.log set: conformance tests). */
#define M68K_LOG 1
#define M68K_HANDLER_SET m68k_handlers_log
#include "m68k_exec.inc"
