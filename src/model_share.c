/*-------------------------------------------------------------------------
 *
 * model_share.c
 *	  Lending a backend's cached directory to its parallel workers.
 *
 * A parallel worker is a fresh process: without help it would read the
 * whole directory again (some 20 ms for 100,000 persons) before its first
 * row, which is most of what a parallel scan of a protected table costs for
 * a viewer who sees everything.  So, when the planner support sees such a
 * scan coming (model_cache.c's OrgaclShareDirectory, once per build, for
 * directories of 10,000 persons or more, unless orgacl.share_directory is
 * off), the backend copies its directory into a dynamic shared memory
 * segment and names it in the
 * setting orgacl.shared_directory ("handle:token:generation"), which
 * PostgreSQL hands to every worker with the rest of the session's
 * settings.  A worker attaches the segment and reads the arrays in place.
 *
 * The setting is superuser-only, so no SQL user can point workers
 * elsewhere; the worker still checks the segment's magic number, its
 * random token and its size, and falls back to reading the catalog itself
 * on any mismatch (for instance a setting rolled back with its transaction
 * that names a segment since released).
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/model_share.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <inttypes.h>

#include "access/parallel.h"
#include "access/xact.h"
#include "storage/dsm.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/resowner.h"

#include "model_cache.h"

#define SHARE_MAGIC		UINT64CONST(0x6f726761636c3031)	/* "orgacl01" */
#define MAX_ARRAYS		24

/* SharedHeader opens the segment; dir's pointers hold offsets in it. */
typedef struct SharedHeader
{
	uint64		magic;
	uint64		token;
	uint64		generation;
	Size		total;
	OrgDirectory dir;
} SharedHeader;

/* DirArray is one array of a directory: where its pointer is, its size. */
typedef struct DirArray
{
	void	  **ptr;
	Size		size;
} DirArray;

static char *shared_setting = NULL;
static bool share_enabled = true;
static dsm_segment *Published = NULL;
static uint64 PublishedGeneration = 0;
static char PublishedValue[96];

/*
 * DirArrays lists the arrays of dir (every pointer field), with their sizes
 * when sizes is set (which reads the arrays: they must be addressable).
 */
static int
DirArrays(OrgDirectory *d, DirArray *out, bool sizes)
{
	int			n = 0;
	int			np = d->npersons;
	int32		nleads = 0;

	for (int g = 0; sizes && g < d->ngroups; g++)
		nleads = Max(nleads, d->groups[g].lead_off + d->groups[g].nleads);

#define ADD(field, bytes) \
	(out[n].ptr = (void **) &(d->field), \
	 out[n].size = (sizes && (d->field) != NULL) ? (Size) (bytes) : 0, n++)

	ADD(kinds, sizeof(OrgKind) * d->nkinds);
	ADD(cap_names, (Size) ORG_NAME_MAX * d->ncaps);
	ADD(rules, sizeof(OrgCapRule) * d->nrules);
	ADD(persons, sizeof(OrgPerson) * np);
	ADD(hash, sizeof(int32) * ((Size) d->hash_mask + 1));
	ADD(dense, sizeof(int32) * (Size) (d->id_max - d->id_min + 1));
	ADD(addmgr_off, sizeof(int32) * (np + 1));
	ADD(addmgr, sizeof(int32) * (sizes && d->addmgr_off ? d->addmgr_off[np] : 0));
	ADD(member_off, sizeof(int32) * (np + 1));
	ADD(member, sizeof(int32) * (sizes && d->member_off ? d->member_off[np] : 0));
	ADD(grp_member_off, sizeof(int32) * (d->ngroups + 1));
	ADD(grp_member, sizeof(int32) * (sizes && d->grp_member_off ? d->grp_member_off[d->ngroups] : 0));
	ADD(addl, sizeof(OrgPair) * d->naddl);
	ADD(scoped_off, sizeof(int32) * (np + 1));
	ADD(scoped, sizeof(OrgScoped) * (sizes && d->scoped_off ? d->scoped_off[np] : 0));
	ADD(groups, sizeof(OrgGroup) * d->ngroups);
	ADD(leads, sizeof(int32) * nleads);
	ADD(cycles, sizeof(OrgCycle) * d->ncycles);
	ADD(logins, sizeof(OrgLogin) * d->nlogins);
#undef ADD
	Assert(n <= MAX_ARRAYS);
	return n;
}

/*
 * CreateSegment creates a segment of size bytes mapped for the backend's
 * life, or returns NULL when the server cannot (no slot, or no memory in
 * /dev/shm, which is an error there): lending is an optimisation, so its
 * failure is caught in a subtransaction and forgotten, never the query's.
 */
static dsm_segment *
CreateSegment(Size size)
{
	MemoryContext cxt = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	dsm_segment *volatile seg = NULL;

	BeginInternalSubTransaction(NULL);
	PG_TRY();
	{
		seg = dsm_create(size, DSM_CREATE_NULL_IF_MAXSEGMENTS);
		if (seg != NULL)
			dsm_pin_mapping(seg);
		ReleaseCurrentSubTransaction();
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		seg = NULL;
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	CurrentResourceOwner = owner;
	return seg;
}

/*
 * OrgaclShareInit defines orgacl.shared_directory (_PG_init calls it).
 */
void
OrgaclShareInit(void)
{
	DefineCustomStringVariable("orgacl.shared_directory",
							   "Internal: the shared memory copy of the directory parallel workers read.",
							   NULL,
							   &shared_setting,
							   "",
							   PGC_SUSET,
							   GUC_NO_SHOW_ALL | GUC_NO_RESET_ALL | GUC_NOT_IN_SAMPLE |
							   GUC_DISALLOW_IN_FILE | GUC_SUPERUSER_ONLY,
							   NULL, NULL, NULL);
	DefineCustomBoolVariable("orgacl.share_directory",
							 "Lends the cached directory to parallel workers through shared memory.",
							 "Each backend that plans a large protected scan keeps one copy (about 50 bytes per person).",
							 &share_enabled,
							 true,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
}

/*
 * OrgaclPublishDirectory copies dir into a new segment for this backend's
 * parallel workers, releases the previous one, and names the new one in
 * orgacl.shared_directory; for a build already copied it only checks the
 * setting.  Best effort: on any shortage it lends nothing and workers read
 * the catalog themselves.
 */
void
OrgaclPublishDirectory(const OrgDirectory *dir)
{
	OrgDirectory copy = *dir;
	DirArray	arrays[MAX_ARRAYS];
	int			n;
	Size		total = MAXALIGN(sizeof(SharedHeader));
	dsm_segment *seg;
	char	   *base;
	SharedHeader *hdr;
	Size		off;
	uint64		token;

	if (IsParallelWorker() || IsInParallelMode() || !share_enabled)
		return;

	/*
	 * This build is lent already: only make sure the setting still names it
	 * (a rolled-back transaction takes the setting back with it).
	 */
	if (Published != NULL && PublishedGeneration == dir->generation)
	{
		if (shared_setting == NULL || strcmp(shared_setting, PublishedValue) != 0)
			(void) set_config_option("orgacl.shared_directory", PublishedValue, PGC_SUSET,
									 PGC_S_SESSION, GUC_ACTION_SET, true, 0, false);
		return;
	}

	n = DirArrays(&copy, arrays, true);
	for (int i = 0; i < n; i++)
		total += MAXALIGN(arrays[i].size);
	if (!pg_strong_random(&token, sizeof(token)))
		return;
	seg = CreateSegment(total);
	if (seg == NULL)
		return;
	base = dsm_segment_address(seg);
	off = MAXALIGN(sizeof(SharedHeader));
	for (int i = 0; i < n; i++)
	{
		if (arrays[i].size == 0 || *arrays[i].ptr == NULL)
		{
			*arrays[i].ptr = NULL;
			continue;
		}
		memcpy(base + off, *arrays[i].ptr, arrays[i].size);
		*arrays[i].ptr = (void *) (uintptr_t) off;
		off += MAXALIGN(arrays[i].size);
	}
	hdr = (SharedHeader *) base;
	hdr->magic = SHARE_MAGIC;
	hdr->token = token;
	hdr->generation = dir->generation;
	hdr->total = total;
	hdr->dir = copy;

	if (Published != NULL)
		dsm_detach(Published);
	Published = seg;
	PublishedGeneration = dir->generation;
	snprintf(PublishedValue, sizeof(PublishedValue), "%u:%" PRIx64 ":%" PRIx64,
			 (unsigned) dsm_segment_handle(seg), token, dir->generation);
	(void) set_config_option("orgacl.shared_directory", PublishedValue, PGC_SUSET, PGC_S_SESSION,
							 GUC_ACTION_SET, true, 0, false);
}

/*
 * OrgaclBorrowDirectory, in a parallel worker, returns the directory its
 * leader published (allocated in cxt, arrays in the shared segment), or
 * NULL when there is none to trust.
 */
const OrgDirectory *
OrgaclBorrowDirectory(MemoryContext cxt)
{
	unsigned	handle;
	uint64		token;
	uint64		generation;
	dsm_segment *seg;
	SharedHeader *hdr;
	OrgDirectory *dir;
	DirArray	arrays[MAX_ARRAYS];
	int			n;
	char	   *base;

	if (!IsParallelWorker() || shared_setting == NULL || shared_setting[0] == '\0' ||
		sscanf(shared_setting, "%u:%" SCNx64 ":%" SCNx64, &handle, &token, &generation) != 3)
		return NULL;
	seg = dsm_attach((dsm_handle) handle);
	if (seg == NULL)
		return NULL;
	base = dsm_segment_address(seg);
	hdr = (SharedHeader *) base;
	if (dsm_segment_map_length(seg) < sizeof(SharedHeader) ||
		hdr->magic != SHARE_MAGIC || hdr->token != token ||
		hdr->generation != generation || hdr->total > dsm_segment_map_length(seg))
	{
		dsm_detach(seg);
		return NULL;
	}
	dir = MemoryContextAlloc(cxt, sizeof(OrgDirectory));
	*dir = hdr->dir;
	n = DirArrays(dir, arrays, false);
	for (int i = 0; i < n; i++)
	{
		uintptr_t	off = (uintptr_t) *arrays[i].ptr;

		if (off == 0)
			continue;
		if (off > hdr->total)
		{
			dsm_detach(seg);
			return NULL;
		}
		*arrays[i].ptr = base + off;
	}
	/* sizes read through the rebased arrays must fit as well */
	n = DirArrays(dir, arrays, true);
	for (int i = 0; i < n; i++)
	{
		if (*arrays[i].ptr != NULL &&
			(char *) *arrays[i].ptr - base + arrays[i].size > hdr->total)
		{
			dsm_detach(seg);
			return NULL;
		}
	}
	dsm_pin_mapping(seg);		/* for the worker's life */
	return dir;
}
