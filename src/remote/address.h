// Where the remote listens: the machine's first LAN address.
//
// Promise: reads the interfaces (getifaddrs) and nothing else.
#pragma once

#include <string>

namespace madang::remote {

// The first IPv4 address of an interface that is up and not loopback
// ("192.168.0.12"); "127.0.0.1" when there is none.
std::string first_lan_address();

}  // namespace madang::remote
