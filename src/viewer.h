/*-------------------------------------------------------------------------
 *
 * viewer.h
 *	  Viewer identity: the orgacl.viewer setting and current_viewer().
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/viewer.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ORGACL_VIEWER_H
#define ORGACL_VIEWER_H

#include "decide_core.h"

extern void OrgaclViewerInit(void);
extern bool OrgaclViewer(const OrgDirectory *dir, int64 *id);
extern void OrgaclRequireMayAsk(const OrgDirectory *dir, int64 person, const char *what);

#endif							/* ORGACL_VIEWER_H */
