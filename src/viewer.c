/*-------------------------------------------------------------------------
 *
 * viewer.c
 *	  Viewer identity: the orgacl.viewer setting and current_viewer().
 *
 * orgacl.viewer is a superuser-only setting (PGC_SUSET), so only roles a
 * superuser has granted SET on it (PostgreSQL 15: GRANT SET ON PARAMETER
 * orgacl.viewer TO app) may change it; anyone else's SET, SET LOCAL,
 * set_config() or RESET fails with 42501.  Its value is checked when set:
 * empty, or a positive bigint in plain decimal digits.
 *
 * NB: a SET issued in a session before the module is loaded creates a
 * placeholder the server checks only when the module loads (and then
 * discards, with a warning, if the role had no right).  CREATE EXTENSION
 * therefore adds orgacl to the database's session_preload_libraries, so
 * the setting exists, with its check, from the start of every session.
 *
 * Copyright (c) 2026, orgacl developers
 *
 * IDENTIFICATION
 *	  src/viewer.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_authid.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/syscache.h"

#include "model_cache.h"
#include "viewer.h"

static char *viewer_setting = NULL;

/* the setting, parsed by its assign hook: per-row callers read these */
static bool viewer_set = false;
static int64 viewer_id = 0;

/* the last login look-up: session user and directory build it was made in */
static Oid	login_user = InvalidOid;
static uint64 login_generation = 0;
static bool login_found = false;
static int64 login_person = 0;

/* whether (session user, current user) may ask about anyone: see MayAskAnyone */
static Oid	ask_session = InvalidOid;
static Oid	ask_user = InvalidOid;
static bool ask_anyone = false;

/*
 * ParseViewer parses a setting value: true with *id set for a positive
 * bigint written in decimal digits, false otherwise.
 */
static bool
ParseViewer(const char *s, int64 *id)
{
	uint64		v = 0;

	if (*s == '\0')
		return false;
	for (const char *p = s; *p; p++)
	{
		if (*p < '0' || *p > '9' || p - s >= 19)
			return false;
		v = v * 10 + (uint64) (*p - '0');
	}
	if (v == 0 || v > (uint64) PG_INT64_MAX)
		return false;
	*id = (int64) v;
	return true;
}

/*
 * CheckViewer is the check hook of orgacl.viewer: empty (not set) or a
 * positive bigint; anything else is refused when it is set, never turned
 * into a silent NULL.
 */
static bool
CheckViewer(char **newval, void **extra, GucSource source)
{
	int64		id;

	if (*newval == NULL || (*newval)[0] == '\0' || ParseViewer(*newval, &id))
		return true;
	GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
	GUC_check_errmsg("invalid value for parameter \"orgacl.viewer\": \"%s\"", *newval);
	GUC_check_errdetail("The viewer is a person id: a positive bigint, or empty for none.");
	return false;
}

/*
 * AssignViewer keeps the parsed value of the setting (already checked).
 */
static void
AssignViewer(const char *newval, void *extra)
{
	viewer_set = newval != NULL && newval[0] != '\0' && ParseViewer(newval, &viewer_id);
}

/*
 * ForgetLogin drops the cached mapping when any role changes (a rename
 * changes which mapping a session's login name finds).
 */
static void
ForgetLogin(Datum arg, int cacheid, uint32 hashvalue)
{
	login_user = InvalidOid;
	ask_session = InvalidOid;
}

/*
 * ForgetAskRight drops the cached MayAskAnyone answer when memberships or
 * parameter privileges change.
 */
static void
ForgetAskRight(Datum arg, int cacheid, uint32 hashvalue)
{
	ask_session = InvalidOid;
}

/*
 * MayAskAnyone says whether this session may ask questions about any
 * person: the system (a superuser or a member of orgacl_admin, as session
 * or current user, the latter covering orgacl's own SECURITY DEFINER
 * functions) or a role allowed to SET orgacl.viewer, which could become
 * anyone anyway.  Cached per (session user, current user) until a role,
 * membership or parameter privilege changes.
 */
static bool
MayAskAnyone(void)
{
	Oid			session = GetSessionUserId();
	Oid			user = GetUserId();

	if (session != ask_session || user != ask_user)
	{
		Oid			admin = get_role_oid("orgacl_admin", true);

		ask_anyone = superuser_arg(session) || superuser_arg(user) ||
			(OidIsValid(admin) &&
			 (has_privs_of_role(session, admin) || has_privs_of_role(user, admin))) ||
			pg_parameter_aclcheck("orgacl.viewer", user, ACL_SET) == ACLCHECK_OK;
		ask_session = session;
		ask_user = user;
	}
	return ask_anyone;
}

/*
 * OrgaclRequireMayAsk raises 42501 unless this session may ask what about
 * person: anyone may ask about their own current viewer; only the system
 * and roles allowed to set orgacl.viewer may ask about others (person < 0:
 * about everyone, as who_can does).  Without this, any login could read
 * reporting lines and role holders, which the directory tables keep from
 * application roles, out of can(), explain() or roles_of().
 */
void
OrgaclRequireMayAsk(const OrgDirectory *dir, int64 person, const char *what)
{
	int64		self;

	if (MayAskAnyone())
		return;
	if (person > 0 && OrgaclViewer(dir, &self) && self == person)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied to ask %s", what),
			 person > 0 ?
			 errdetail("Only the current viewer's own questions are answered; questions about other persons need orgacl_admin or the right to set orgacl.viewer.") :
			 errdetail("Questions about every person need orgacl_admin or the right to set orgacl.viewer.")));
}

/*
 * OrgaclViewerInit defines orgacl.viewer (_PG_init calls it).
 */
void
OrgaclViewerInit(void)
{
	DefineCustomStringVariable("orgacl.viewer",
							   "The person whose access rules apply to this session or transaction.",
							   "Settable only by roles granted SET on this parameter; empty means not set.",
							   &viewer_setting,
							   "",
							   PGC_SUSET,
							   0,
							   CheckViewer, AssignViewer, NULL);
	CacheRegisterSyscacheCallback(AUTHOID, ForgetLogin, (Datum) 0);
	CacheRegisterSyscacheCallback(AUTHMEMROLEMEM, ForgetAskRight, (Datum) 0);
	CacheRegisterSyscacheCallback(PARAMETERACLNAME, ForgetAskRight, (Datum) 0);
}

PG_FUNCTION_INFO_V1(orgacl_current_viewer);

/*
 * orgacl_current_viewer implements current_viewer(): orgacl.viewer when
 * set, else the person mapped to session_user, else NULL.  current_user is
 * never consulted (SPEC section 6a): SET ROLE and SECURITY DEFINER
 * functions change it without any orgacl right.
 */
Datum
orgacl_current_viewer(PG_FUNCTION_ARGS)
{
	int64		id;

	if (!OrgaclViewer(NULL, &id))
		PG_RETURN_NULL();
	PG_RETURN_INT64(id);
}

/*
 * OrgaclViewer sets *id to the current viewer and returns true, or returns
 * false when there is none: the setting when set, else the person the
 * session user is mapped to in dir (NULL: the current directory, looked up
 * only when needed).  Cheap enough to call per row: the
 * setting is parsed when assigned, and the mapping is looked up once per
 * session user and directory build.
 */
bool
OrgaclViewer(const OrgDirectory *dir, int64 *id)
{
	Oid			user;

	if (viewer_set)
	{
		*id = viewer_id;
		return true;
	}
	user = GetSessionUserId();
	if (dir == NULL)
		dir = OrgaclDirectory();
	if (user != login_user || dir->generation != login_generation)
	{
		char	   *name = GetUserNameFromId(user, true);
		const OrgLogin *login = name ? OrgFindLogin(dir, name) : NULL;

		login_found = login != NULL;
		login_person = login ? login->person : 0;
		login_user = user;
		login_generation = dir->generation;
	}
	*id = login_person;
	return login_found;
}
