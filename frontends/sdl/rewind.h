/* Rewind: a ring of save states, the newest overwriting the oldest. Pure C. */
#ifndef FDX_SDL_REWIND_H
#define FDX_SDL_REWIND_H

#include <stddef.h>
#include <stdint.h>

struct fdx_rewind {
    uint8_t *buf;
    size_t slot_size;
    unsigned slots, head, count;
};

/* Room for up to `slots` states of slot_size bytes, within max_bytes.
 * Returns 0, or -1 when not even two fit or memory is short. */
int fdx_rewind_init(struct fdx_rewind *r, size_t slot_size, unsigned slots, size_t max_bytes);
void fdx_rewind_free(struct fdx_rewind *r);
/* Space for the next state (the caller saves into it). */
uint8_t *fdx_rewind_push(struct fdx_rewind *r);
/* Takes back the newest state; NULL when empty. */
const uint8_t *fdx_rewind_pop(struct fdx_rewind *r);
void fdx_rewind_clear(struct fdx_rewind *r);

#endif
