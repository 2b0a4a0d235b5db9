// The remote's two pages, built into the binary: the speaker's (/r) and the
// audience's (/a). HTML with its CSS and script inline, Korean UI, no CDN.
//
// Promise: static text holding no secret. Each page reads its token from the
// URL's fragment (never sent to a server), keeps it in the tab's
// sessionStorage, takes it out of the address bar, and sends it only as an
// `Authorization: Bearer` header; state comes as server-sent events read
// through fetch (EventSource cannot send a header), and a dropped stream is
// reopened and the state fetched again without a command being sent.
#pragma once

#include <string>

namespace madang::remote {

const std::string& control_page();
const std::string& audience_page();

}  // namespace madang::remote
