{"Resource": "arn:aws:s3:::${bucket}/*", "Action": [%{ for a in actions ~}"${a}",%{ endfor ~}"s3:ListBucket"]}
