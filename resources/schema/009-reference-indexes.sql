-- Schema step 9: an index for every lookup by reference function, so that
-- a reference's activity groups are read, and a reference imported again
-- is deleted with its cascade, without a pass over every group of the
-- handbook. alternative_title, application_rule and reference_profile are
-- found by their primary keys, which begin with reference_id, and activity
-- by its primary key, which begins with group_id. A reference's profile is
-- also kept by characteristic: a characteristic stored again (the method
-- file imported again) updates its levels without a pass over every
-- profile of the handbook.
CREATE INDEX activity_group_reference ON activity_group (reference_id, position);
CREATE INDEX reference_profile_characteristic ON reference_profile (characteristic_id);
