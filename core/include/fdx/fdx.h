/* fdx: a pure interpretive multi-architecture emulator library.
 * Umbrella header: include this one. */
#ifndef FDX_H
#define FDX_H
#include "common.h"
#include "bus.h"
#include "sched.h"
#include "cpu.h"
#include "debug.h"
#include "state.h"
#include "media.h"
#include "av.h"
#include "input.h"
#include "machine.h"
#endif
