int motcua_walvfs_register(const char *name);
void motcua_walvfs_counts(long long *writes, long long *syncs);
