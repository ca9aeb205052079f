-- Stored files may also be PDF documents (a circular's roadmap or letter), checked by their bytes
-- like images. Photos stay images: each upload route says which kinds it takes.
alter table stored_file drop constraint stored_file_mime_check;
alter table stored_file add constraint stored_file_mime_check check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'));
