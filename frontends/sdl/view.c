/* Picture placement (see view.h). */
#include "view.h"

#include <stdint.h>

static void norm_par(bool aspect, unsigned *num, unsigned *den)
{
    if (!aspect || !*num || !*den) *num = *den = 1;
}

void fdx_view_window_size(unsigned w, unsigned h, unsigned par_num, unsigned par_den, bool aspect, unsigned scale,
                          int *win_w, int *win_h)
{
    norm_par(aspect, &par_num, &par_den);
    if (!scale) scale = 1;
    uint64_t ww = ((uint64_t)w * par_num * scale + par_den / 2) / par_den;
    uint64_t hh = (uint64_t)h * scale;
    *win_w = ww < 1 ? 1 : ww > 16384 ? 16384 : (int)ww;
    *win_h = hh < 1 ? 1 : hh > 16384 ? 16384 : (int)hh;
}

unsigned fdx_view_fit_scale(unsigned w, unsigned h, unsigned par_num, unsigned par_den, bool aspect, unsigned scale,
                            int max_w, int max_h)
{
    if (max_w <= 0 || max_h <= 0) return scale ? scale : 1;
    for (; scale > 1; scale--) {
        int ww, wh;
        fdx_view_window_size(w, h, par_num, par_den, aspect, scale, &ww, &wh);
        if (ww <= max_w && wh <= max_h) break;
    }
    return scale ? scale : 1;
}

void fdx_view_fit(unsigned w, unsigned h, unsigned par_num, unsigned par_den, bool aspect, bool integer, int win_w,
                  int win_h, struct fdx_view_rect *out)
{
    out->x = out->y = out->w = out->h = 0;
    if (!w || !h || win_w <= 0 || win_h <= 0) return;
    norm_par(aspect, &par_num, &par_den);
    /* the picture's shape on screen: dw x h, with dw = w * par */
    uint64_t dw_num = (uint64_t)w * par_num;   /* display width = dw_num / par_den */
    uint64_t ww = (uint64_t)win_w, wh = (uint64_t)win_h;
    uint64_t out_w, out_h;
    if (integer && wh >= h && ww * par_den >= dw_num) {
        uint64_t k = wh / h;
        while (k > 1 && dw_num * k > ww * par_den) k--;
        out_h = h * k;
        out_w = (dw_num * k + par_den / 2) / par_den;
    } else if (ww * par_den * h <= wh * dw_num) {
        /* window relatively taller: full width */
        out_w = ww;
        out_h = (ww * par_den * h + dw_num / 2) / dw_num;
    } else {
        out_h = wh;
        out_w = (wh * dw_num + (uint64_t)par_den * h / 2) / ((uint64_t)par_den * h);
    }
    if (out_w > ww) out_w = ww;
    if (out_h > wh) out_h = wh;
    out->w = (int)out_w;
    out->h = (int)out_h;
    out->x = (int)((ww - out_w) / 2);
    out->y = (int)((wh - out_h) / 2);
}
