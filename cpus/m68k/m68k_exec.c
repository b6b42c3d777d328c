/* The 68000 handlers without bus logging: what machines run. */
#define M68K_LOG 0
#define M68K_HANDLER_SET m68k_handlers
#include "m68k_exec.inc"
