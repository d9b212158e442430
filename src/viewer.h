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

extern void OrgaclViewerInit(void);

#endif							/* ORGACL_VIEWER_H */
