/* The real core offers every registered machine. */
#include "lr_model.h"

const struct fdx_machine_desc *const *lr_machine_list(void)
{
    return fdx_machines();
}
