/* Gamepads through the app's input code (input.c) with SDL's virtual
 * joystick: plugging one in makes it joystick 1, its fire button reaches
 * the machine, unplugging it says so and releases what it held, and
 * events after that (or for a pad never seen) are ignored, not a crash.
 * Paddles: the mouse over the picture, or a stick with --paddle stick.
 * Runs without a display (dummy video driver). */
#include <stdio.h>
#include <string.h>

#include <SDL.h>

#include "fake_machine.h"
#include "input.h"
#include "settings.h"

static unsigned pass, fail;

static void check(bool cond, const char *what)
{
    if (cond) pass++;
    else {
        fail++;
        printf("FAIL: %s\n", what);
    }
}

static void quiet(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "log: %s\n", msg);
}

/* Hands the pending controller events to the input code; the last message. */
static void pump(struct input *in, struct fdx_machine *m, char *last, size_t size)
{
    SDL_Event ev;
    char msg[300];
    SDL_JoystickUpdate();
    SDL_GameControllerUpdate();
    while (SDL_PollEvent(&ev))
        if (ev.type >= SDL_CONTROLLERAXISMOTION && ev.type <= SDL_CONTROLLERDEVICEREMAPPED) {
            input_controller(in, m, &ev, msg, sizeof msg);
            if (msg[0]) snprintf(last, size, "%s", msg);
        }
}

/* The picture of the test machine after one frame with joystick bits joy. */
static bool frame_is(struct fdx_machine *m, uint32_t joy)
{
    struct fdx_err err;
    struct fdx_machine *ref = fdx_machine_create(&fdx_sdltest_machine, NULL, NULL, &err);
    struct fdx_input_event ev = {FDX_INPUT_JOYSTICK, 0, 0, (int32_t)joy};
    fdx_machine_input(ref, &ev);
    fdx_machine_run_frame(ref);
    fdx_machine_run_frame(m);
    const struct fdx_frame *a = fdx_machine_frame(m), *b = fdx_machine_frame(ref);
    bool same = a->width == b->width && a->height == b->height;
    /* rows 8 to 95: the top rows show the last key, the bottom ones count presses */
    for (unsigned y = 8; same && y + 4 < a->height; y++)
        same = !memcmp(a->pixels + y * a->pitch, b->pixels + y * b->pitch, a->width * 4);
    fdx_machine_destroy(ref);
    return same;
}

/* Where the test machine draws the paddle mark (black, rows 0-3; the
 * last bar, columns 140-159, is black itself: reported as 159). */
static unsigned paddle_column(struct fdx_machine *m)
{
    fdx_machine_run_frame(m);
    const struct fdx_frame *f = fdx_machine_frame(m);
    for (unsigned x = 0; x < 140; x++)
        if ((f->pixels[x] & 0xffffff) == 0) return x;
    return 159;
}

int main(void)
{
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS)) {
        printf("FAIL: SDL_Init: %s\n0 passed, 1 failed\n", SDL_GetError());
        return 1;
    }
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(&fdx_sdltest_machine, NULL, NULL, &err);
    struct fdx_gui_settings set;
    fdx_gui_settings_defaults(&set);
    static struct input in;     /* big: scancode tables */
    input_init(&in, &set, m, quiet, NULL);
    char msg[300] = "";
    pump(&in, m, msg, sizeof msg);
    check(!msg[0], "no gamepad message before one is plugged in");

    int idx = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, SDL_CONTROLLER_AXIS_MAX,
                                        SDL_CONTROLLER_BUTTON_MAX, 0);
    check(idx >= 0, "virtual gamepad attached");
    check(SDL_IsGameController(idx), "the virtual pad is a game controller");
    SDL_Joystick *joy = SDL_JoystickOpen(idx);
    pump(&in, m, msg, sizeof msg);
    check(strstr(msg, "is joystick 1") != NULL, "plugging in says which joystick it is");
    printf("message: %s\n", msg);

    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_A, 1);
    SDL_JoystickSetVirtualAxis(joy, SDL_CONTROLLER_AXIS_LEFTX, -32768);
    pump(&in, m, msg, sizeof msg);
    check(frame_is(m, FDX_JOY_FIRE | FDX_JOY_LEFT), "button A and the stick reach the machine");

    /* unplugged while held: the machine sees everything released */
    msg[0] = 0;
    SDL_JoystickClose(joy);
    SDL_JoystickDetachVirtual(idx);
    pump(&in, m, msg, sizeof msg);
    check(strstr(msg, "unplugged from joystick 1") != NULL, "unplugging says so");
    printf("message: %s\n", msg);
    check(frame_is(m, 0), "unplugging releases the buttons");

    /* stale events for the gone pad, and for one never seen */
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_CONTROLLERBUTTONDOWN;
    ev.cbutton.which = 12345;
    ev.cbutton.button = SDL_CONTROLLER_BUTTON_A;
    ev.cbutton.state = SDL_PRESSED;
    input_controller(&in, m, &ev, msg, sizeof msg);
    ev.type = SDL_CONTROLLERDEVICEREMOVED;
    ev.cdevice.which = 12345;
    input_controller(&in, m, &ev, msg, sizeof msg);
    ev.type = SDL_CONTROLLERDEVICEADDED;
    ev.cdevice.which = 99;       /* a device index that does not exist */
    input_controller(&in, m, &ev, msg, sizeof msg);
    check(strstr(msg, "could not be opened") != NULL, "a vanished pad gives a message");
    check(frame_is(m, 0), "stray events change nothing");

    /* plugged in again: joystick 1 again */
    idx = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, SDL_CONTROLLER_AXIS_MAX,
                                    SDL_CONTROLLER_BUTTON_MAX, 0);
    pump(&in, m, msg, sizeof msg);
    check(strstr(msg, "is joystick 1") != NULL, "plugging in again");

    input_close(&in);
    SDL_JoystickDetachVirtual(idx);

    /* paddle 1 on the mouse (the default): the picture's left edge, middle
     * and right edge; the test machine marks the paddle in its top rows */
    input_init(&in, &set, m, quiet, NULL);
    static const struct {
        int x;
        unsigned col;
    } spots[] = {{100, 0}, {100 + 320, 79}, {100 + 200, 49}, {100 + 639, 159}};
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_MOUSEMOTION;
        ev.motion.x = spots[i].x;
        input_mouse(&in, m, &ev, 100, 640);     /* picture at x 100, 640 wide */
        check(paddle_column(m) == spots[i].col, "the mouse moves paddle 1");
    }
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEMOTION;
    ev.motion.x = 5000;                         /* far outside: clamped */
    input_mouse(&in, m, &ev, 100, 640);
    check(paddle_column(m) == 159, "outside the picture the paddle stops at its end");
    input_mouse(&in, m, &ev, 100, 0);           /* a 1x1 window: empty picture, ignored */
    check(paddle_column(m) == 159, "an empty picture changes nothing");
    input_close(&in);

    /* --paddle stick: the left stick of a pad on port 1 is paddle 1 */
    set.paddle = FDX_GUI_PADDLE_STICK;
    input_init(&in, &set, m, quiet, NULL);
    idx = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, SDL_CONTROLLER_AXIS_MAX,
                                    SDL_CONTROLLER_BUTTON_MAX, 0);
    joy = SDL_JoystickOpen(idx);
    pump(&in, m, msg, sizeof msg);
    SDL_JoystickSetVirtualAxis(joy, SDL_CONTROLLER_AXIS_LEFTX, -32768);
    pump(&in, m, msg, sizeof msg);
    check(paddle_column(m) == 0, "the stick moves paddle 1 (left)");
    SDL_JoystickSetVirtualAxis(joy, SDL_CONTROLLER_AXIS_LEFTX, 32767);
    pump(&in, m, msg, sizeof msg);
    check(paddle_column(m) == 159, "the stick moves paddle 1 (right)");
    input_close(&in);
    SDL_JoystickClose(joy);
    SDL_JoystickDetachVirtual(idx);
    fdx_machine_destroy(m);
    SDL_Quit();
    printf("%u passed, %u failed\n", pass, fail);
    return fail ? 1 : 0;
}
