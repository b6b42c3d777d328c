/* The test core offers only the fake machine. */
#include "lr_model.h"

extern const struct fdx_machine_desc lr_fake_desc;

static const struct fdx_machine_desc *const fake_list[] = {&lr_fake_desc, NULL};

const struct fdx_machine_desc *const *lr_machine_list(void)
{
    return fake_list;
}
