/* Where the picture goes in the window: pixel aspect, scaling, letterbox.
 * Pure integer code shared by the app and its tests. */
#ifndef FDX_SDL_VIEW_H
#define FDX_SDL_VIEW_H

#include <stdbool.h>

struct fdx_view_rect {
    int x, y, w, h;
};

/* The picture of a w x h frame with pixel aspect par_num:par_den (ignored
 * when !aspect) fitted into a win_w x win_h window, centred. With integer,
 * the vertical scale is a whole number when at least 1x fits. An empty
 * window gives an empty rectangle. */
void fdx_view_fit(unsigned w, unsigned h, unsigned par_num, unsigned par_den, bool aspect, bool integer, int win_w,
                  int win_h, struct fdx_view_rect *out);
/* The window size for scale factor `scale`. */
void fdx_view_window_size(unsigned w, unsigned h, unsigned par_num, unsigned par_den, bool aspect, unsigned scale,
                          int *win_w, int *win_h);
/* The largest scale from 1 to `scale` whose window fits in max_w x max_h
 * (1 when none does; max_w or max_h <= 0: no limit). */
unsigned fdx_view_fit_scale(unsigned w, unsigned h, unsigned par_num, unsigned par_den, bool aspect, unsigned scale,
                            int max_w, int max_h);

#endif
