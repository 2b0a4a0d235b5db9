// Being written (media/probe.h).
#include "media/probe.h"
