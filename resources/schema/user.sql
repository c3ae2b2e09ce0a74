-- revision: user_0002
CREATE TABLE activity_count (
	month VARCHAR(7) NOT NULL, 
	borough VARCHAR NOT NULL, 
	measure VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	count INTEGER NOT NULL, 
	PRIMARY KEY (month, borough, measure, value), 
	CONSTRAINT count_positive CHECK (count > 0)
);
CREATE TABLE app_state (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE setting (
	"key" VARCHAR NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE user_schema_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT user_schema_version_pkc PRIMARY KEY (version_num)
);
