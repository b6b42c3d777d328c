/* Rewind for the app: a ring of save states, the newest overwriting the
 * oldest (the debugger's exact reverse execution is core's fdx_rewind). Pure C. */
#ifndef FDX_SDL_RING_H
#define FDX_SDL_RING_H

#include <stddef.h>
#include <stdint.h>

struct fdx_ring {
    uint8_t *buf;
    size_t slot_size;
    unsigned slots, head, count;
};

/* Room for up to `slots` states of slot_size bytes, within max_bytes.
 * Returns 0, or -1 when not even two fit or memory is short. */
int fdx_ring_init(struct fdx_ring *r, size_t slot_size, unsigned slots, size_t max_bytes);
void fdx_ring_free(struct fdx_ring *r);
/* Space for the next state (the caller saves into it). */
uint8_t *fdx_ring_push(struct fdx_ring *r);
/* Takes back the newest state; NULL when empty. */
const uint8_t *fdx_ring_pop(struct fdx_ring *r);
void fdx_ring_clear(struct fdx_ring *r);

#endif
